"""The sentences of the lock screen and the manager prompt, translated (context "Access")."""

from __future__ import annotations

from datetime import tzinfo

from pos_app.domain.users import PIN_MESSAGES, PinOutcome, PinProblem, Role
from pos_app.store.users import PinCheck, UserRecord
from pos_app.ui.access import gate
from pos_app.ui.i18n import ltr, translate


def pin_problem_text(problem: PinProblem) -> str:
    """Why a PIN typed is not even checked (too short, ...), in the window's language."""
    return translate("users", PIN_MESSAGES[problem])


def role_text(role: Role) -> str:
    if role is Role.MANAGER:
        return translate("Access", "manager")
    return translate("Access", "cashier")


def person_text(user: UserRecord) -> str:
    """A person as the lists show them: "Amina (manager)"."""
    return f"{user.name} ({role_text(user.role)})"


def signed_in_text(user: UserRecord) -> str:
    return translate("Access", "Signed in: {name} ({role}) · Ctrl+L locks").format(
        name=user.name, role=role_text(user.role)
    )


def refused_text(check: PinCheck, name: str, tz: tzinfo | None = None) -> str:
    """Why the PIN typed for ``name`` did not sign anyone in (empty when it was accepted)."""
    if check.outcome is PinOutcome.ACCEPTED:
        return ""
    if check.outcome is PinOutcome.WRONG:
        return translate("Access", "Wrong PIN. {n} more wrong PIN(s) lock {name} out.").format(
            n=ltr(str(check.tries_left or 0)), name=name
        )
    if check.outcome is PinOutcome.LOCKED:
        if check.locked_until is None:
            return translate("Access", "{name} is locked out for now: ask a manager.").format(
                name=name
            )
        until = check.locked_until.astimezone(tz).strftime("%H:%M")
        return translate(
            "Access", "Too many wrong PINs: {name} is locked out until {time}."
        ).format(name=name, time=ltr(until))
    if check.outcome is PinOutcome.DISABLED:
        return translate("Access", "{name} is disabled: ask a manager.").format(name=name)
    if check.outcome is PinOutcome.UNSEALED:
        return translate(
            "Access",
            "{name}'s record was changed outside the app: a manager must check the books "
            "(pos-app verify).",
        ).format(name=name)
    return translate("Access", "{name} is not known here: pick a name in the list.").format(
        name=name
    )


def action_text(action: str) -> str:
    """What a manager is asked to allow, in a few words."""
    if action == gate.SETTINGS_OPEN:
        return translate("Access", "Open the settings")
    if action == gate.Z_CLOSE:
        return translate("Access", "Close the day (Z report)")
    if action in (gate.EXPORT_CSV, gate.EXPORT_PDF):
        return translate("Access", "Export the sales history")
    if action in (gate.CODE_SHOW, gate.CODE_COPY, gate.SALE_CODE_SHOW):
        return translate("Access", "Show or copy a full card code")
    if action == gate.SALE_CANCEL:
        return translate("Access", "Cancel a sale not yet sent")
    if action == gate.REPRINT:
        return translate("Access", "Print a card code again (duplicate receipt)")
    if action == gate.REPORT_PDF:
        return translate("Access", "Save a report (costs and margin) as PDF")
    if action == gate.PEOPLE_CHANGE:
        return translate("Access", "Change the shop's people (add, PIN, disable)")
    return action


def not_checked_text() -> str:
    return translate("Access", "The PIN could not be checked (see the log). Try again.")


def cancelled_text() -> str:
    return translate("Access", "Not allowed: no manager approved it. Nothing was done.")
