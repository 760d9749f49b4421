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
from app.gui.windows.base import PreserveGeometry, UnsavedChangesGuard
from app.store import repo


class _PartPage(QWizardPage):
    """One part of the profile. Next (or Finish) shows the part's messages and stays while there
    is one; it is disabled, with the messages as its tooltip, while one shows."""

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
        scroll.setAccessibleName(title)  # it takes the focus to scroll: named as the page
        scroll.setWidget(fields.parts[part])
        layout.addWidget(scroll)
        fields.changed.connect(self.completeChanged)
        self.completeChanged.connect(self._explain)

    def isComplete(self) -> bool:
        return not self._fields.shown_issues(self._part)

    def validatePage(self) -> bool:
        return not self._fields.reveal(self._part)

    def initializePage(self) -> None:
        self._explain()

    def _explain(self) -> None:
        """The reason a disabled Next or Finish is disabled, as its tooltip."""
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return
        shown = self._fields.shown_issues(self._part)
        reason = (
            self.tr("Put these right first:\n%1").replace("%1", self._fields.errors.reasons(shown)) if shown else ""
        )
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            wizard.button(which).setToolTip(reason)


class ProfileWizard(UnsavedChangesGuard, PreserveGeometry, QWizard):
    default_size = QSize(760, 640)

    saved = Signal(int)  # the new profile's id

    def __init__(self, parent: QWidget | None = None, settings: ProfileSettings | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New Exchange profile"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Cancel"))  # every button has its key
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
        self.fields.changed.connect(self.mark_unsaved)
        if settings is not None:  # an imported file's values: what breaks a rule is said at once
            self.fields.errors.reveal_all()
        self.restore_geometry()

    def title(self) -> str:
        return self.tr("New Exchange profile")

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def save(self) -> bool:
        """Finish from any page (the unsaved-changes prompt's Save): with a message left, the page
        that holds it comes forward instead."""
        self.fields.reveal()
        first = next((part for part in self.pages if self.fields.shown_issues(part)), None)
        if first is None:
            return self._save_profile()
        order = list(self.pages)
        for _ in order:  # at most one step a page
            current = next(part for part, page in self.pages.items() if page is self.currentPage())
            if current == first:
                break
            if order.index(current) > order.index(first):
                self.back()
            else:
                self.next()  # the pages before it are complete: Next goes on
        self.fields.reveal(first)  # its first field with a message gets the focus
        return False

    def _save_and_close(self) -> None:
        if self.save():
            super().accept()

    def accept(self) -> None:
        if self._save_profile():
            super().accept()

    def _save_profile(self) -> bool:
        settings = self.fields.settings()
        password, outgoing_password = self.fields.passwords()
        try:
            profile = repo.save_profile(settings, password=password, outgoing_password=outgoing_password)
        except ValidationError as exc:
            messages.show_error(
                self, self.tr("The profile was not saved"), "\n".join(i.message(translate) for i in exc.issues)
            )
            return False
        except secrets.SecretStoreError as exc:
            messages.show_error(
                self, self.tr("The profile was not saved"), self.tr("The password could not be stored."), str(exc)
            )
            return False
        self.saved.emit(profile.id)
        return True
