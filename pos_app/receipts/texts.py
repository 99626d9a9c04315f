"""Every label a receipt prints, marked for ``pyside6-lupdate`` in the ``Receipt`` context, and
the wording of one receipt: its language's translations, loaded apart from the window's.

A receipt may be printed in Arabic while the window is in French, so :class:`ReceiptLanguage`
keeps its own ``QTranslator`` and never installs it in the application. Nothing here imports
Qt until :meth:`ReceiptLanguage.load` is called.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pos_app import assets
from pos_app.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

log = logging.getLogger(__name__)

CONTEXT: Final = "Receipt"
"""The translation context of the labels below."""
MESSAGES_CONTEXT: Final = "messages"
"""The translation context of ``pos_app.orders.messages`` (failure reasons)."""
LANGUAGES: Final = ("en", "fr", "ar")
SOURCE_LANGUAGE: Final = "en"
RTL_LANGUAGES: Final = frozenset({"ar"})
TRANSLATIONS: Final = assets.TRANSLATIONS

# Titles.
SALE_TITLE: Final = QT_TRANSLATE_NOOP("Receipt", "Receipt")
CLAIM_TITLE: Final = QT_TRANSLATE_NOOP("Receipt", "Claim slip")
REFUND_TITLE: Final = QT_TRANSLATE_NOOP("Receipt", "Refund slip")
CLAIM_NUMBER: Final = QT_TRANSLATE_NOOP("Receipt", "No. {number}")
DUPLICATE: Final = QT_TRANSLATE_NOOP("Receipt", "DUPLICATE {copy}")
TRAINING: Final = QT_TRANSLATE_NOOP("Receipt", "TRAINING: NOT A SALE, NO VALUE")
PHONE: Final = QT_TRANSLATE_NOOP("Receipt", "Tel. {phone}")

# Field labels.
PRINTED_AT: Final = QT_TRANSLATE_NOOP("Receipt", "Printed")
SOLD_AT: Final = QT_TRANSLATE_NOOP("Receipt", "Sale time")
COUNTER: Final = QT_TRANSLATE_NOOP("Receipt", "Counter")
CASHIER: Final = QT_TRANSLATE_NOOP("Receipt", "Cashier")
LINE_TYPE: Final = QT_TRANSLATE_NOOP("Receipt", "Type")
NUMBER: Final = QT_TRANSLATE_NOOP("Receipt", "Number")
FACE_VALUE: Final = QT_TRANSLATE_NOOP("Receipt", "Card value")
PRICE: Final = QT_TRANSLATE_NOOP("Receipt", "Price paid")
STATE: Final = QT_TRANSLATE_NOOP("Receipt", "State")
CARD_CODE: Final = QT_TRANSLATE_NOOP("Receipt", "Card code")
NUM_TRANS: Final = QT_TRANSLATE_NOOP("Receipt", "Transaction no.")
DATE_TRAITEMENT: Final = QT_TRANSLATE_NOOP("Receipt", "Processed")
REF: Final = QT_TRANSLATE_NOOP("Receipt", "Ref")
GIVE_BACK: Final = QT_TRANSLATE_NOOP("Receipt", "To give back to the customer")

# Line types.
ADSL: Final = QT_TRANSLATE_NOOP("Receipt", "ADSL")
LTE: Final = QT_TRANSLATE_NOOP("Receipt", "4G LTE")

# States, each read as itself: only FULFILLED says sold, only REFUNDED says refunded.
STATE_WAITING: Final = QT_TRANSLATE_NOOP("Receipt", "Waiting to be sent")
STATE_SENDING: Final = QT_TRANSLATE_NOOP("Receipt", "Being sent")
STATE_UNKNOWN: Final = QT_TRANSLATE_NOOP("Receipt", "Outcome not known yet: being checked")
STATE_ACCEPTED: Final = QT_TRANSLATE_NOOP("Receipt", "Received by OneClickDZ, in progress")
STATE_QUEUED: Final = QT_TRANSLATE_NOOP("Receipt", "Queued by OneClickDZ (12 to 48 hours)")
STATE_VERIFYING: Final = QT_TRANSLATE_NOOP("Receipt", "Being verified")
STATE_CODE_PENDING: Final = QT_TRANSLATE_NOOP("Receipt", "Done, card code not received yet")
STATE_CODE_MISSING: Final = QT_TRANSLATE_NOOP("Receipt", "Card code missing: the manager checks")
STATE_CONFLICT: Final = QT_TRANSLATE_NOOP("Receipt", "To be checked by the manager")
STATE_FULFILLED: Final = QT_TRANSLATE_NOOP("Receipt", "Sold: card delivered")
STATE_REFUNDED: Final = QT_TRANSLATE_NOOP("Receipt", "Failed: refunded by OneClickDZ")
STATE_REJECTED: Final = QT_TRANSLATE_NOOP("Receipt", "Refused: nothing was charged")
STATE_CANCELLED: Final = QT_TRANSLATE_NOOP("Receipt", "Cancelled before sending")

# What a claim or refund slip tells the customer.
CLAIM_FOLLOWS: Final = QT_TRANSLATE_NOOP(
    "Receipt",
    "Your card will follow. Keep this slip and show it at the counter to collect the card code.",
)
CLAIM_QUEUED: Final = QT_TRANSLATE_NOOP(
    "Receipt",
    "OneClickDZ has queued this top-up: it can take 12 to 48 hours. Keep this slip and show "
    "it at the counter to collect the card code.",
)
CLAIM_CHECKING: Final = QT_TRANSLATE_NOOP(
    "Receipt",
    "The shop is checking this sale with OneClickDZ. Keep this slip and show it at the "
    "counter: the shop settles it with you.",
)
CLAIM_MANAGER: Final = QT_TRANSLATE_NOOP(
    "Receipt",
    "This sale needs the manager. Keep this slip and show it at the counter: the shop "
    "settles it with you.",
)
REFUND_GIVE_BACK: Final = QT_TRANSLATE_NOOP(
    "Receipt", "The top-up failed. The customer's money is to be given back."
)
REJECTED_GIVE_BACK: Final = QT_TRANSLATE_NOOP(
    "Receipt", "The top-up was refused and nothing was charged. The money is to be given back."
)
CANCELLED_GIVE_BACK: Final = QT_TRANSLATE_NOOP(
    "Receipt", "The sale was cancelled before it was sent. The money is to be given back."
)
CANCELLED_REASON: Final = QT_TRANSLATE_NOOP("Receipt", "Cancelled at the counter.")
THANKS: Final = QT_TRANSLATE_NOOP("Receipt", "Thank you for your visit")


def is_rtl(language: str) -> bool:
    """Whether a receipt in ``language`` reads right to left."""
    return language in RTL_LANGUAGES


class Wording:
    """The labels of a receipt in English (the source texts); the base of a translation."""

    language: str = SOURCE_LANGUAGE

    @property
    def rtl(self) -> bool:
        """Whether the receipt reads right to left."""
        return is_rtl(self.language)

    def label(self, text: str) -> str:
        """A label of the ``Receipt`` context in this language."""
        return text

    def message(self, text: str) -> str:
        """A sentence of ``pos_app.orders.messages`` in this language."""
        return text


ENGLISH: Final = Wording()


class ReceiptLanguage(Wording):
    """The labels of a receipt in one language, from ``pos_app_<language>.qm``; any text the
    file lacks stays in English. The translator is never installed in the application."""

    def __init__(self, language: str, translator: QTranslator | None) -> None:
        self.language = language
        self._translator = translator

    @classmethod
    def load(cls, language: str, directory: Path = TRANSLATIONS) -> ReceiptLanguage:
        """The wording for ``language`` (one of :data:`LANGUAGES`). A missing or unreadable
        translation file gives English labels (logged): a receipt still prints."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown receipt language {language!r}; one of {LANGUAGES}")
        if language == SOURCE_LANGUAGE:
            return cls(language, None)
        from PySide6.QtCore import QTranslator

        translator = QTranslator()
        qm = directory / f"pos_app_{language}.qm"
        if not translator.load(str(qm)):
            log.warning("receipt translation not loaded: %s (labels stay in English)", qm)
            return cls(language, None)
        return cls(language, translator)

    def _translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    def label(self, text: str) -> str:
        return self._translate(CONTEXT, text)

    def message(self, text: str) -> str:
        return self._translate(MESSAGES_CONTEXT, text)
