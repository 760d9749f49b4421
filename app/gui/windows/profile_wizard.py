"""New → Exchange profile: the wizard over the profile's four parts (docs/product-rules.md §1, seed steps 3–13)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from app import secrets
from app.domain.settings import ProfileSettings
from app.domain.validation import ValidationError
from app.gui import messages
from app.gui.i18n import translate
from app.gui.widgets.profile_fields import ProfileFields
from app.gui.windows.base import PreserveGeometry
from app.store import repo


class _PartPage(QWizardPage):
    """One part of the profile; complete when none of its fields has a validation issue."""

    def __init__(self, fields: ProfileFields, part: str, title: str, subtitle: str, parent=None):
        super().__init__(parent)
        self._fields, self._part = fields, part
        self.setTitle(title)
        self.setSubTitle(subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)  # long translations and error messages scroll instead of squeezing
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(fields.parts[part])
        layout.addWidget(scroll)
        fields.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self._fields.is_valid(self._part)


class ProfileWizard(PreserveGeometry, QWizard):
    default_size = QSize(760, 640)

    saved = Signal(int)  # the new profile's id

    def __init__(self, parent: QWidget | None = None, settings: ProfileSettings | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New Exchange profile"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.fields = ProfileFields(repo.profile_context, self)
        self.fields.load(settings or self.fields.settings())  # an import, or fresh defaults; validated
        pages = [
            ("location", self.tr("Server location"), self.tr("Name the profile and say where the Exchange server is.")),
            ("credentials", self.tr("Credentials"), self.tr("How incoming and outgoing connections authenticate.")),
            ("advanced", self.tr("Advanced"), self.tr("Port, SSL, authentication protocol and certificate.")),
            (
                "additional",
                self.tr("Additional settings"),
                self.tr("Which email is processed and how hard the server is polled."),
            ),
        ]
        self.pages = {}
        for part, title, subtitle in pages:
            page = _PartPage(self.fields, part, title, subtitle, self)
            self.pages[part] = page
            self.addPage(page)
        self.restore_geometry()

    def accept(self) -> None:
        settings = self.fields.settings()
        password, outgoing_password = self.fields.passwords()
        try:
            profile = repo.save_profile(settings, password=password, outgoing_password=outgoing_password)
        except ValidationError as exc:
            messages.show_error(
                self, self.tr("The profile was not saved"), "\n".join(i.message(translate) for i in exc.issues)
            )
            return
        except secrets.SecretStoreError as exc:
            messages.show_error(
                self, self.tr("The profile was not saved"), self.tr("The password could not be stored."), str(exc)
            )
            return
        self.saved.emit(profile.id)
        super().accept()
