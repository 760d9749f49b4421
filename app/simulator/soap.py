"""SOAP envelope, ServerVersionInfo header and SOAP faults, shaped like Exchange's.

Responses are written as text rather than through ElementTree: Exchange uses fixed
prefixes (s:, m:, t:, h:) and clients are sometimes sensitive to them, and string
building keeps a GetItem of 100 messages in the low milliseconds.  Everything that
goes into text or attributes passes through :func:`esc` / :func:`attr`.

Request parsing uses ``xml.etree.ElementTree`` (see ``service.py``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
M_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
E_NS = "http://schemas.microsoft.com/exchange/services/2006/errors"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

# What real servers put in <h:ServerVersionInfo>.  2010 SP2 is taken verbatim from the
# evolution-ews traces; 2013 SP1 is build 15.0.847.32 (the SP1 release build); 2016 CU
# servers (15.1.x) report the schema version string "V2017_07_11".
SERVER_VERSIONS: dict[str, dict] = {
    "Exchange2010_SP2": {
        "MajorVersion": 14,
        "MinorVersion": 2,
        "MajorBuildNumber": 328,
        "MinorBuildNumber": 9,
        "Version": "Exchange2010_SP2",
        "accepts": ("Exchange2007", "Exchange2007_SP1", "Exchange2010", "Exchange2010_SP1", "Exchange2010_SP2"),
    },
    "Exchange2013_SP1": {
        "MajorVersion": 15,
        "MinorVersion": 0,
        "MajorBuildNumber": 847,
        "MinorBuildNumber": 32,
        "Version": "Exchange2013_SP1",
        "accepts": (
            "Exchange2007",
            "Exchange2007_SP1",
            "Exchange2010",
            "Exchange2010_SP1",
            "Exchange2010_SP2",
            "Exchange2013",
            "Exchange2013_SP1",
        ),
    },
    "Exchange2016": {
        "MajorVersion": 15,
        "MinorVersion": 1,
        "MajorBuildNumber": 2507,
        "MinorBuildNumber": 6,
        "Version": "V2017_07_11",
        "accepts": (
            "Exchange2007",
            "Exchange2007_SP1",
            "Exchange2010",
            "Exchange2010_SP1",
            "Exchange2010_SP2",
            "Exchange2013",
            "Exchange2013_SP1",
            "Exchange2015",
            "Exchange2016",
            "V2015_10_05",
            "V2016_01_06",
            "V2016_04_13",
            "V2016_07_13",
            "V2016_10_10",
            "V2017_01_07",
            "V2017_04_14",
            "V2017_07_11",
        ),
    },
}

_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text) -> str:
    """Escape text content for XML, dropping characters XML 1.0 cannot carry."""
    s = str(text)
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if _INVALID_XML_CHARS.search(s):
        s = _INVALID_XML_CHARS.sub("", s)
    return s


def attr(text) -> str:
    """Escape a value for use inside a double-quoted attribute."""
    s = esc(text)
    if '"' in s:
        s = s.replace('"', "&quot;")
    if "\n" in s or "\r" in s or "\t" in s:
        s = s.replace("\n", "&#xA;").replace("\r", "&#xD;").replace("\t", "&#x9;")
    return s


def version_info(server_version: str) -> dict:
    """The SERVER_VERSIONS entry for *server_version* (ValueError if unknown)."""
    try:
        return SERVER_VERSIONS[server_version]
    except KeyError:
        raise ValueError(
            f"unknown server version {server_version!r}; choose one of {sorted(SERVER_VERSIONS)}"
        ) from None


def server_version_header(server_version: str) -> str:
    """The <h:ServerVersionInfo/> element as on-premises Exchange writes it."""
    v = version_info(server_version)
    return (
        f'<h:ServerVersionInfo MajorVersion="{v["MajorVersion"]}" MinorVersion="{v["MinorVersion"]}"'
        f' MajorBuildNumber="{v["MajorBuildNumber"]}" MinorBuildNumber="{v["MinorBuildNumber"]}"'
        f' Version="{v["Version"]}" xmlns:h="{T_NS}" xmlns="{T_NS}"'
        f' xmlns:xsi="{XSI_NS}" xmlns:xsd="{XSD_NS}"/>'
    )


def _body_text(body_element) -> str:
    if isinstance(body_element, bytes):
        return body_element.decode("utf-8")
    if isinstance(body_element, str):
        return body_element
    if isinstance(body_element, ET.Element):
        return ET.tostring(body_element, encoding="unicode")
    raise TypeError(f"body_element must be str, bytes or Element, not {type(body_element).__name__}")


def envelope(body_element, server_version: str) -> bytes:
    """A full response envelope with the ServerVersionInfo header, UTF-8 encoded.

    *body_element* is the serialized response element (e.g. ``<m:GetItemResponse ...>``)
    as str/bytes, or an ElementTree element.
    """
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<s:Envelope xmlns:s="{SOAP_NS}"><s:Header>{server_version_header(server_version)}</s:Header>'
        f'<s:Body xmlns:xsi="{XSI_NS}" xmlns:xsd="{XSD_NS}">{_body_text(body_element)}</s:Body>'
        "</s:Envelope>"
    ).encode()


def fault(
    code: str, message: str, *, faultstring: str | None = None, message_xml: str = "", faultcode_ns: str = T_NS
) -> bytes:
    """A SOAP 1.1 fault as Exchange sends it (HTTP 500, no SOAP header).

    *message_xml* is inner XML for ``<t:MessageXml>`` (omitted when empty).
    """
    detail = (
        f'<e:ResponseCode xmlns:e="{E_NS}">{esc(code)}</e:ResponseCode>'
        f'<e:Message xmlns:e="{E_NS}">{esc(message)}</e:Message>'
    )
    if message_xml:
        detail += f'<t:MessageXml xmlns:t="{T_NS}">{message_xml}</t:MessageXml>'
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><s:Fault>'
        f'<faultcode xmlns:a="{faultcode_ns}">a:{esc(code)}</faultcode>'
        f'<faultstring xml:lang="en-US">{esc(faultstring or message)}</faultstring>'
        f"<detail>{detail}</detail></s:Fault></s:Body></s:Envelope>"
    ).encode()


def server_busy_fault(backoff_ms: int, server_version: str = "Exchange2013_SP1") -> bytes:
    """ErrorServerBusy (HTTP 500) with BackOffMilliseconds in MessageXml, as throttled Exchange sends it."""
    msg = "The server cannot service this request right now. Try again later."
    return fault("ErrorServerBusy", msg, message_xml=f'<t:Value Name="BackOffMilliseconds">{int(backoff_ms)}</t:Value>')


def invalid_server_version_fault(server_version: str = "Exchange2013_SP1") -> bytes:
    """ErrorInvalidServerVersion (HTTP 500): the RequestServerVersion is unknown to this server."""
    return fault("ErrorInvalidServerVersion", "The specified server version is invalid.")


def internal_server_error_fault(
    message: str = "An internal server error occurred. The operation failed.", server_version: str = "Exchange2013_SP1"
) -> bytes:
    """ErrorInternalServerError (HTTP 500), the generic failure."""
    return fault("ErrorInternalServerError", message)


def schema_validation_fault(
    violation: str, line: int = 1, position: int = 1, server_version: str = "Exchange2013_SP1"
) -> bytes:
    """ErrorSchemaValidation (HTTP 500) for a malformed or schema-invalid request."""
    return fault(
        "ErrorSchemaValidation",
        "The request failed schema validation.",
        faultstring=f"The request failed schema validation: {violation}",
        message_xml=(
            f"<t:LineNumber>{int(line)}</t:LineNumber>"
            f"<t:LinePosition>{int(position)}</t:LinePosition>"
            f"<t:Violation>{esc(violation)}</t:Violation>"
        ),
    )


WCF_ADDRESSING_NONE = "http://schemas.microsoft.com/ws/2005/05/addressing/none"


def action_not_supported_fault(action: str = "") -> bytes:
    """The fault of Exchange's WCF endpoint for a method it does not have (HTTP 500): the SOAP
    action matches no operation of the contract. Not an EWS response code, and no hint of a
    version mismatch, so a client does not go looking through other versions."""
    text = (
        f"The message with Action '{action}' cannot be processed at the receiver, due to a ContractFilter "
        "mismatch at the EndpointDispatcher. This may be because of either a contract mismatch (mismatched "
        "Actions between sender and receiver) or a binding/security mismatch between the sender and the "
        "receiver.  Check that sender and receiver have the same contract and the same binding (including "
        "security requirements, e.g. Message, Transport, None)."
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><s:Fault>'
        f'<faultcode xmlns:a="{WCF_ADDRESSING_NONE}">a:ActionNotSupported</faultcode>'
        f'<faultstring xml:lang="en-US">{esc(text)}</faultstring>'
        "</s:Fault></s:Body></s:Envelope>"
    ).encode()


def invalid_request_fault(message: str = "The request is invalid.", server_version: str = "Exchange2013_SP1") -> bytes:
    """ErrorInvalidRequest (HTTP 500), e.g. an operation this server does not implement."""
    return fault("ErrorInvalidRequest", message)


def impersonate_user_denied_fault(server_version: str = "Exchange2013_SP1") -> bytes:
    """ErrorImpersonateUserDenied (HTTP 500): caller lacks the ApplicationImpersonation role."""
    return fault(
        "ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user."
    )


def non_existent_mailbox_fault(address: str, server_version: str = "Exchange2013_SP1") -> bytes:
    """ErrorNonExistentMailbox (HTTP 500): the impersonated SMTP address has no mailbox."""
    return fault(
        "ErrorNonExistentMailbox",
        "The SMTP address has no mailbox associated with it.",
        message_xml=f'<t:Value Name="SmtpAddress">{esc(address)}</t:Value>',
    )


def impersonation_failed_fault(server_version: str = "Exchange2013_SP1") -> bytes:
    """ErrorImpersonationFailed (HTTP 500): the impersonated principal cannot be resolved."""
    return fault("ErrorImpersonationFailed", "Impersonation failed.")
