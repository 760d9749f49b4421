"""What the store models declare for type checkers only (``if TYPE_CHECKING:`` in the class body)
matches what peewee adds to them at run time: ``<fk>_id`` for each foreign key, typed ``int`` or
``int | None`` as the key is nullable, and each named backref as a query of its model."""

from __future__ import annotations

import ast
import inspect

from peewee import ForeignKeyField

import app.store.models as models
from app.store import models_activity, models_config, models_monitoring
from app.store.base import BaseModel


def _type_checking_declarations() -> dict[str, dict[str, str]]:
    """Class name -> {attribute: annotation} of the TYPE_CHECKING blocks of the model modules."""
    found: dict[str, dict[str, str]] = {}
    for module in (models_config, models_activity, models_monitoring):
        for node in ast.parse(inspect.getsource(module)).body:
            if not isinstance(node, ast.ClassDef):
                continue
            declared = found.setdefault(node.name, {})
            for statement in node.body:
                if isinstance(statement, ast.If) and ast.unparse(statement.test) == "TYPE_CHECKING":
                    for line in statement.body:
                        assert isinstance(line, ast.AnnAssign) and line.value is None, ast.unparse(line)
                        assert isinstance(line.target, ast.Name)
                        declared[line.target.id] = ast.unparse(line.annotation)
    return found


def _expected(model: type[BaseModel]) -> dict[str, str]:
    expected = {}
    for field in model._meta.sorted_fields:
        if isinstance(field, ForeignKeyField):
            expected[field.object_id_name] = "int | None" if field.null else "int"
    for fk in model._meta.backrefs:
        if fk.backref != f"{fk.model._meta.name}_set":  # peewee's default ones are not declared (nor used)
            expected[fk.backref] = f"ModelSelect[{fk.model.__name__}]"
    return expected


def test_type_checking_declarations_match_what_peewee_adds():
    found = _type_checking_declarations()
    for model in models.ALL_MODELS:
        declared: dict[str, str] = {}
        for cls in reversed(model.__mro__):  # _OwnedRecord declares owner_id for its subclasses
            declared.update(found.get(cls.__name__, {}) if cls.__module__.startswith("app.store.models") else {})
        assert declared == _expected(model), model.__name__
        for name in declared:
            assert hasattr(model(), name), f"{model.__name__}.{name} does not exist at run time"


def test_models_module_exports_every_model():
    assert models.__all__ == [m.__name__ for m in models.ALL_MODELS] + ["ALL_MODELS"]
