"""The language switch on pages that hide the site header (the session player): the shared include, once it
exists (lumbar/templates/_language_switch.html)."""
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

LANGUAGE_SWITCH = "_language_switch.html"


def language_switch() -> str:
    """The include's name, or "" while there is none (the player then shows no switch)."""
    try:
        get_template(LANGUAGE_SWITCH)
    except TemplateDoesNotExist:
        return ""
    return LANGUAGE_SWITCH
