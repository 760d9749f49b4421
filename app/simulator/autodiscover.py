"""Autodiscover as Exchange 2013 answers it: SOAP (``autodiscover.svc``) and POX (``autodiscover.xml``).

SOAP: ``GetUserSettings`` per [MS-OXWSADISC]; each user gets a ``UserResponse`` with
``NoError`` and the requested settings (unknown ones as ``UserSettingErrors``),
``RedirectAddress``/``RedirectUrl`` with a ``RedirectTarget`` for configured redirects, or
``InvalidUser`` for an address the organisation does not know.

POX: the Outlook provider (``responseschema/2006a``): ``Action`` ``settings``, or
``redirectAddr``/``redirectUrl`` for redirects; an unknown address gets the ``<Error>`` with
``ErrorCode`` 500, a request that is not an Autodiscover request ``ErrorCode`` 600.
"""

from __future__ import annotations

import datetime as _dt
import random
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .soap import SERVER_VERSIONS, attr, esc

SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope"
ADS_NS = "http://schemas.microsoft.com/exchange/2010/Autodiscover"
WSA_NS = "http://www.w3.org/2005/08/addressing"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
POX_REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
POX_RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
POX_OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
ACTION_PREFIX = "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/"

ORG = "/o=Loopback/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"


@dataclass
class Redirect:
    kind: str  # "address" or "url"
    target: str


@dataclass
class AutodiscoverReply:
    status: int
    body: bytes
    content_type: str = "text/xml; charset=utf-8"


def _four_part(version: str) -> str:
    v = SERVER_VERSIONS[version]
    return f"{v['MajorVersion']:02d}.{v['MinorVersion']:02d}.{v['MajorBuildNumber']:04d}.{v['MinorBuildNumber']:03d}"


def _autodiscover_version_name(version: str) -> str:
    # The Autodiscover schema's ExchangeVersion enumeration stops at Exchange2013_SP1;
    # 2016 servers report themselves there as Exchange2015.
    name = SERVER_VERSIONS[version]["Version"]
    return name if name.startswith("Exchange") else "Exchange2015"


class AutodiscoverResponder:
    """Builds Autodiscover answers from the directory; ``urls`` gives this server's addresses."""

    def __init__(self, directory, hostname: str) -> None:
        self.directory = directory
        self.hostname = hostname
        self.redirects: dict[str, Redirect] = {}
        self.deployment_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, f"deployment.{hostname}"))

    # -- configuration ------------------------------------------------------------------
    def set_redirect(self, email: str, *, address: str | None = None, url: str | None = None) -> None:
        if address and not url:
            redirect = Redirect("address", address)
        elif url and not address:
            redirect = Redirect("url", url)
        else:
            raise ValueError("give exactly one of address= or url=")
        self.redirects[email.strip().lower()] = redirect

    def clear_redirect(self, email: str | None = None) -> None:
        if email is None:
            self.redirects.clear()
        else:
            self.redirects.pop(email.strip().lower(), None)

    # -- settings -----------------------------------------------------------------------
    def _settings(self, account, base_url: str, version: str) -> dict[str, str]:
        host = base_url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[0]
        domain = account.email.rpartition("@")[2]
        mailbox_guid = str(uuid.uuid5(uuid.NAMESPACE_URL, "mailbox:" + account.email))
        mailbox_server = f"{mailbox_guid}@{domain}"
        ews = f"{base_url}/EWS/Exchange.asmx"
        accepts = SERVER_VERSIONS[version]["accepts"]
        return {
            "UserDisplayName": account.display_name,
            "UserDN": f"{ORG}/cn=Recipients/cn={account.email.partition('@')[0]}",
            "UserDeploymentId": self.deployment_id,
            "AutoDiscoverSMTPAddress": account.email,
            "InternalMailboxServer": host,
            "InternalRpcClientServer": mailbox_server,
            "InternalMailboxServerDN": f"{ORG}/cn=Configuration/cn=Servers/cn={mailbox_server}",
            "MailboxDN": f"{ORG}/cn=Configuration/cn=Servers/cn={mailbox_server}/cn=Microsoft Private MDB",
            "ActiveDirectoryServer": host,
            "CasVersion": _four_part(version),
            "EwsSupportedSchemas": ", ".join(a for a in accepts if a.startswith("Exchange")),
            "InternalEwsUrl": ews,
            "ExternalEwsUrl": ews,
            "ExternalEwsVersion": _four_part(version),
            "InternalEcpUrl": f"{base_url}/ecp/",
            "ExternalEcpUrl": f"{base_url}/ecp/",
            "InternalOABUrl": f"{base_url}/OAB/{self.deployment_id}/",
            "ExternalOABUrl": f"{base_url}/OAB/{self.deployment_id}/",
            "ExternalMailboxServer": host,
            "ExternalMailboxServerRequiresSSL": "True" if base_url.startswith("https") else "False",
            "ExternalMailboxServerAuthenticationMethods": "Negotiate",
            "GroupingInformation": "Default-First-Site-Name",
        }

    def _lookup(self, email: str):
        account = self.directory.get(email) if "@" in email else None
        return account if account is not None and account.email == email.strip().lower() else None

    # -- SOAP ---------------------------------------------------------------------------
    def soap(self, body: bytes, content_type: str, base_url: str, version: str) -> AutodiscoverReply:
        soap_ns = SOAP12_NS if "application/soap+xml" in (content_type or "").lower() else SOAP11_NS
        out_type = "application/soap+xml; charset=utf-8" if soap_ns == SOAP12_NS else "text/xml; charset=utf-8"
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            return AutodiscoverReply(400, b"", out_type)
        request = root.find(f".//{{{ADS_NS}}}GetUserSettingsRequestMessage")
        if request is None:
            action = root.find(f".//{{{WSA_NS}}}Action")
            name = action.text.strip() if action is not None and action.text else ""
            return AutodiscoverReply(500, self._soap_action_fault(soap_ns, name), out_type)
        users = [(m.text or "").strip() for m in request.iter(f"{{{ADS_NS}}}Mailbox")]
        wanted = [(s.text or "").strip() for s in request.iter(f"{{{ADS_NS}}}Setting")]
        responses = "".join(self._user_response(u, wanted, base_url, version) for u in users)
        v = SERVER_VERSIONS[version]
        xml = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<s:Envelope xmlns:s="{soap_ns}" xmlns:a="{WSA_NS}"><s:Header>'
            f'<a:Action s:mustUnderstand="1">{ACTION_PREFIX}GetUserSettingsResponse</a:Action>'
            f'<h:ServerVersionInfo xmlns:h="{ADS_NS}" xmlns:i="{XSI_NS}">'
            f"<h:MajorVersion>{v['MajorVersion']}</h:MajorVersion>"
            f"<h:MinorVersion>{v['MinorVersion']}</h:MinorVersion>"
            f"<h:MajorBuildNumber>{v['MajorBuildNumber']}</h:MajorBuildNumber>"
            f"<h:MinorBuildNumber>{v['MinorBuildNumber']}</h:MinorBuildNumber>"
            f"<h:Version>{_autodiscover_version_name(version)}</h:Version>"
            "</h:ServerVersionInfo></s:Header><s:Body>"
            f'<GetUserSettingsResponseMessage xmlns="{ADS_NS}">'
            f'<Response xmlns:i="{XSI_NS}"><ErrorCode>NoError</ErrorCode><ErrorMessage/>'
            f"<UserResponses>{responses}</UserResponses></Response>"
            "</GetUserSettingsResponseMessage></s:Body></s:Envelope>"
        )
        return AutodiscoverReply(200, xml.encode("utf-8"), out_type)

    def _user_response(self, email: str, wanted: list[str], base_url: str, version: str) -> str:
        redirect = self.redirects.get(email.lower())
        if redirect is not None:
            code = "RedirectAddress" if redirect.kind == "address" else "RedirectUrl"
            message = (
                f"Redirect to address {redirect.target}."
                if redirect.kind == "address"
                else f"Redirect to URL {redirect.target}."
            )
            return (
                f"<UserResponse><ErrorCode>{code}</ErrorCode><ErrorMessage>{esc(message)}</ErrorMessage>"
                f"<RedirectTarget>{esc(redirect.target)}</RedirectTarget>"
                "<UserSettingErrors/><UserSettings/></UserResponse>"
            )
        account = self._lookup(email)
        if account is None:
            return (
                "<UserResponse><ErrorCode>InvalidUser</ErrorCode>"
                f"<ErrorMessage>Invalid user: '{esc(email)}'</ErrorMessage>"
                '<RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings/></UserResponse>'
            )
        values = self._settings(account, base_url, version)
        settings, errors = [], []
        for name in wanted:
            if name in values:
                settings.append(
                    f'<UserSetting i:type="StringSetting"><Name>{esc(name)}</Name>'
                    f"<Value>{esc(values[name])}</Value></UserSetting>"
                )
            else:
                errors.append(
                    "<UserSettingError><ErrorCode>SettingIsNotAvailable</ErrorCode>"
                    f"<ErrorMessage>User setting '{esc(name)}' is not available. </ErrorMessage>"
                    f"<SettingName>{esc(name)}</SettingName></UserSettingError>"
                )
        return (
            "<UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage>"
            '<RedirectTarget i:nil="true"/>'
            f"<UserSettingErrors>{''.join(errors)}</UserSettingErrors>"
            f"<UserSettings>{''.join(settings)}</UserSettings></UserResponse>"
        )

    @staticmethod
    def _soap_action_fault(soap_ns: str, action: str) -> bytes:
        text = (
            f"The message with Action '{action}' cannot be processed at the receiver, due to a "
            "ContractFilter mismatch at the EndpointDispatcher."
        )
        xml = (
            f'<s:Envelope xmlns:s="{soap_ns}"><s:Body><s:Fault>'
            f'<faultcode xmlns:a="http://schemas.microsoft.com/ws/2005/05/addressing/none">'
            f"a:ActionNotSupported</faultcode>"
            f'<faultstring xml:lang="en-US">{esc(text)}</faultstring></s:Fault></s:Body></s:Envelope>'
        )
        return xml.encode("utf-8")

    # -- POX ----------------------------------------------------------------------------
    def pox(self, body: bytes, base_url: str, version: str) -> AutodiscoverReply:
        email = schema = None
        try:
            root = ET.fromstring(body)
            if root.tag == f"{{{POX_REQUEST_NS}}}Autodiscover":
                req = root.find(f"{{{POX_REQUEST_NS}}}Request")
                if req is not None:
                    email = (req.findtext(f"{{{POX_REQUEST_NS}}}EMailAddress") or "").strip() or None
                    schema = (req.findtext(f"{{{POX_REQUEST_NS}}}AcceptableResponseSchema") or "").strip()
        except ET.ParseError:
            pass
        if not email or schema != POX_OUTLOOK_NS:
            return AutodiscoverReply(200, self._pox_error(600, "Invalid Request"))
        redirect = self.redirects.get(email.lower())
        if redirect is not None:
            if redirect.kind == "address":
                inner = f"<Action>redirectAddr</Action><RedirectAddr>{esc(redirect.target)}</RedirectAddr>"
            else:
                inner = f"<Action>redirectUrl</Action><RedirectUrl>{esc(redirect.target)}</RedirectUrl>"
            return AutodiscoverReply(200, self._pox_wrap(f"<Account><AccountType>email</AccountType>{inner}</Account>"))
        account = self._lookup(email)
        if account is None:
            return AutodiscoverReply(200, self._pox_error(500, "The e-mail address cannot be found."))
        s = self._settings(account, base_url, version)
        v = SERVER_VERSIONS[version]
        # 4 bits 0111, 6 bits major, 6 bits minor, 1 bit set, 15 bits build: 15.20.3370 -> 73D48D2A
        server_version = "%08X" % (
            (0b0111 << 28)
            | (v["MajorVersion"] << 22)
            | (v["MinorVersion"] << 16)
            | (1 << 15)
            | (v["MajorBuildNumber"] & 0x7FFF)
        )
        common = (
            f"<ASUrl>{esc(s['ExternalEwsUrl'])}</ASUrl><EwsUrl>{esc(s['ExternalEwsUrl'])}</EwsUrl>"
            f"<EmwsUrl>{esc(s['ExternalEwsUrl'])}</EmwsUrl><EcpUrl>{esc(s['ExternalEcpUrl'])}</EcpUrl>"
            f"<OOFUrl>{esc(s['ExternalEwsUrl'])}</OOFUrl><OABUrl>{esc(s['ExternalOABUrl'])}</OABUrl>"
        )
        inner = (
            "<User>"
            f"<DisplayName>{esc(account.display_name)}</DisplayName>"
            f"<LegacyDN>{esc(s['UserDN'])}</LegacyDN>"
            f"<AutoDiscoverSMTPAddress>{esc(account.email)}</AutoDiscoverSMTPAddress>"
            f"<DeploymentId>{self.deployment_id}</DeploymentId>"
            "</User><Account><AccountType>email</AccountType><Action>settings</Action>"
            "<MicrosoftOnline>False</MicrosoftOnline>"
            f"<Protocol><Type>EXCH</Type><Server>{esc(s['InternalRpcClientServer'])}</Server>"
            f"<ServerDN>{esc(s['InternalMailboxServerDN'])}</ServerDN>"
            f"<ServerVersion>{server_version}</ServerVersion>"
            f"<MdbDN>{esc(s['MailboxDN'])}</MdbDN>"
            f"<AuthPackage>Kerb</AuthPackage>{common}"
            "<ServerExclusiveConnect>off</ServerExclusiveConnect></Protocol>"
            f"<Protocol><Type>EXPR</Type><Server>{esc(s['ExternalMailboxServer'])}</Server>"
            f"<SSL>{'On' if base_url.startswith('https') else 'Off'}</SSL><AuthPackage>Ntlm</AuthPackage>"
            f"{common}<ServerExclusiveConnect>on</ServerExclusiveConnect></Protocol>"
            "<Protocol><Type>WEB</Type><Internal>"
            f'<OWAUrl AuthenticationMethod="Basic, Fba">{esc(base_url)}/owa/</OWAUrl>'
            f"<Protocol><Type>EXCH</Type><ASUrl>{esc(s['InternalEwsUrl'])}</ASUrl></Protocol>"
            "</Internal><External>"
            f'<OWAUrl AuthenticationMethod="Fba">{esc(base_url)}/owa/</OWAUrl>'
            f"<Protocol><Type>EXPR</Type><ASUrl>{esc(s['ExternalEwsUrl'])}</ASUrl></Protocol>"
            "</External></Protocol></Account>"
        )
        return AutodiscoverReply(200, self._pox_wrap(inner))

    @staticmethod
    def _pox_wrap(inner: str) -> bytes:
        return (
            '<?xml version="1.0" encoding="utf-8"?>\r\n'
            f'<Autodiscover xmlns="{POX_RESPONSE_NS}">\r\n'
            f'  <Response xmlns="{POX_OUTLOOK_NS}">{inner}</Response>\r\n'
            "</Autodiscover>"
        ).encode()

    @staticmethod
    def _pox_error(code: int, message: str) -> bytes:
        now = _dt.datetime.now(_dt.timezone.utc)
        stamp = now.strftime("%H:%M:%S.") + f"{now.microsecond * 10:07d}"
        error_id = random.randint(10**8, 4 * 10**9)
        return (
            '<?xml version="1.0" encoding="utf-8"?>\r\n'
            f'<Autodiscover xmlns="{POX_RESPONSE_NS}">\r\n'
            "  <Response>\r\n"
            f'    <Error Time="{attr(stamp)}" Id="{error_id}">\r\n'
            f"      <ErrorCode>{code}</ErrorCode>\r\n"
            f"      <Message>{esc(message)}</Message>\r\n"
            "      <DebugData />\r\n"
            "    </Error>\r\n"
            "  </Response>\r\n"
            "</Autodiscover>"
        ).encode()
