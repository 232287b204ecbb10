"""Which tables a backup holds, in which order, and how each relation is written.

A backup holds the people (auth users, with their password hashes) and every model of every `lumbar.*` app
except `content`, found in the app registry, so a model another app adds later is backed up
without a change here. Content (poses, sequences) is reloaded from its files, so a row that points at content
names it by slug, never by number.

Each relation (foreign key, one-to-one, many-to-many) is written by its kind:
  person   a user: `["username"]` (Django's natural key)
  content  a pose or sequence: `["slug"]`
  row      another backed-up row: its primary key (renumbered when one person is imported)
  other    anything else: its natural key where it has one (permissions, groups), else its primary key
Auth groups are not used by Lumbar and not backed up; a person's memberships name them, and are kept on import
where a group of that name exists.
"""
from __future__ import annotations

from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model

LEFT_OUT_APPS = {"content"}  # reloaded from files, never backed up
PERSON, CONTENT, ROW, OTHER = "person", "content", "row", "other"
USER_LABEL = "auth.user"


def _lumbar_models() -> set:
    found = {get_user_model()}
    for config in apps.get_app_configs():
        if config.name.startswith("lumbar.") and config.label not in LEFT_OUT_APPS:
            found.update(config.get_models())
    return found


@cache
def relations(model) -> list:
    """The model's forward relation fields (foreign keys, one-to-ones and many-to-manys), by name."""
    fields = [f for f in model._meta.get_fields() if f.is_relation and f.concrete and not f.auto_created]
    return sorted(fields, key=lambda f: f.name)


@cache
def kind_of(field) -> str:
    target = field.related_model
    if target is get_user_model():
        return PERSON
    if target._meta.app_label in LEFT_OUT_APPS:
        return CONTENT
    if target in set(backed_up_models()):
        return ROW
    return OTHER


@cache
def backed_up_models() -> tuple:
    """Every backed-up model, each after the models it points at (ties in label order), so rows can be made in
    this order. A cycle, should one appear, is broken in label order."""
    remaining = {label(m): m for m in _lumbar_models()}
    needs = {name: {label(f.related_model) for f in relations(model)} & set(remaining) - {name}
             for name, model in remaining.items()}
    ordered = []
    while remaining:
        ready = sorted(name for name in remaining if not needs[name] & set(remaining)) or [min(remaining)]
        ordered.append(remaining.pop(ready[0]))
    return tuple(ordered)


def label(model) -> str:
    return model._meta.label_lower


@cache
def model_for(name: str):
    """The backed-up model for a row's "model" label, or None."""
    return next((m for m in backed_up_models() if label(m) == name), None)


def file_fields(model) -> list:
    from django.db.models import FileField

    return [f for f in model._meta.concrete_fields if isinstance(f, FileField)]
