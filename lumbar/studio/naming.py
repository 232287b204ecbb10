"""Names people read: the material's pose or version (from the pose library, translated), and a teacher's."""
from django.utils.translation import gettext as _

from lumbar.programmes.library import display_name, poses


def material_label(pose: str, variation: str = "") -> str:
    """The version's name, or the pose's; a pose since removed from the library keeps its slug."""
    if pose not in poses():
        return pose
    try:
        return display_name(pose, variation or None)
    except KeyError:
        return pose


def caption(kind: str, label: str, own: bool) -> str:
    if own:
        return (_("Your photo of %(pose)s") if kind == "photo" else _("Your video of %(pose)s")) % {"pose": label}
    return (_("Your teacher's photo of %(pose)s") if kind == "photo" else
            _("Your teacher's video of %(pose)s")) % {"pose": label}


def teacher_name(teacher) -> str:
    return teacher.get_full_name() or teacher.username
