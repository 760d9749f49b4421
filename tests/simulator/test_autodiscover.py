"""SOAP (autodiscover.svc) and POX (autodiscover.xml) Autodiscover over HTTPS."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import BASIC, NTLM, Configuration, Credentials
from exchangelib.autodiscover.protocol import AutodiscoverProtocol

ADS = "{http://schemas.microsoft.com/exchange/2010/Autodiscover}"
POX_OUT = "{http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a}"
POX_RESP = "{http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006}"


def soap_request(mailbox: str, settings=("UserDisplayName", "ExternalEwsUrl", "CasVersion", "NoSuchSetting")):
    wanted = "".join(f"<a:Setting>{s}</a:Setting>" for s in settings)
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<soap:Envelope xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" '
        'xmlns:wsa="http://www.w3.org/2005/08/addressing" '
        'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>'
        "<a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>"
        "<wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings</wsa:Action>"
        "</soap:Header><soap:Body><a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User>"
        f"<a:Mailbox>{mailbox}</a:Mailbox></a:User></a:Users><a:RequestedSettings>{wanted}"
        "</a:RequestedSettings></a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>"
    ).encode()


def pox_request(email: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">\n'
        f" <Request>\n  <EMailAddress>{email}</EMailAddress>\n"
        "  <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/"
        "responseschema/2006a</AcceptableResponseSchema>\n </Request>\n</Autodiscover>"
    ).encode()


@pytest.fixture
def who(ews):
    account = ews.new_account(display_name="Autodiscover Person")
    session = ews.requests_session()
    session.auth = (account.email, account.password)
    session.headers["Content-Type"] = "text/xml; charset=utf-8"
    session.account = account
    return session


def _user_response(content: bytes):
    root = ET.fromstring(content)
    return root.find(f".//{ADS}UserResponse")


def test_soap_requires_authentication(ews):
    response = ews.requests_session().post(
        ews.autodiscover_url, data=soap_request("x@contoso.com"), headers={"Content-Type": "text/xml; charset=utf-8"}
    )
    assert response.status_code == 401
    assert "NTLM" in response.headers["WWW-Authenticate"]


def test_soap_user_settings(ews, who):
    response = who.post(ews.autodiscover_url, data=soap_request(who.account.email))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.find(f".//{ADS}MajorVersion").text == "15"
    assert root.find(f".//{ADS}Response/{ADS}ErrorCode").text == "NoError"
    user = _user_response(response.content)
    assert user.find(f"{ADS}ErrorCode").text == "NoError"
    settings = {s.find(f"{ADS}Name").text: s.find(f"{ADS}Value").text for s in user.iter(f"{ADS}UserSetting")}
    assert settings == {
        "UserDisplayName": "Autodiscover Person",
        "ExternalEwsUrl": ews.ews_url,
        "CasVersion": "15.00.0847.032",
    }
    errors = [e.find(f"{ADS}SettingName").text for e in user.iter(f"{ADS}UserSettingError")]
    assert errors == ["NoSuchSetting"]
    assert ews.stats.count("autodiscover", who.account.email) == 1


def test_soap_urls_follow_the_host_name_asked_for(ews, who):
    response = who.post(
        ews.autodiscover_url,
        data=soap_request(who.account.email),
        headers={"Host": f"autodiscover.contoso.com:{ews.server.port}"},
    )
    user = _user_response(response.content)
    values = [v.text for v in user.iter(f"{ADS}Value")]
    assert f"https://autodiscover.contoso.com:{ews.server.port}/EWS/Exchange.asmx" in values


def test_soap_invalid_user(ews, who):
    user = _user_response(who.post(ews.autodiscover_url, data=soap_request("nobody@contoso.com")).content)
    assert user.find(f"{ADS}ErrorCode").text == "InvalidUser"
    assert "nobody@contoso.com" in user.find(f"{ADS}ErrorMessage").text


@pytest.mark.parametrize("kind,code", [("address", "RedirectAddress"), ("url", "RedirectUrl")])
def test_soap_redirects(ews, who, kind, code):
    target = "moved@fabrikam.com" if kind == "address" else "https://mail.fabrikam.com/autodiscover/autodiscover.svc"
    ews.server.set_autodiscover_redirect("old.name@contoso.com", **{kind: target})
    user = _user_response(who.post(ews.autodiscover_url, data=soap_request("old.name@contoso.com")).content)
    assert user.find(f"{ADS}ErrorCode").text == code
    assert user.find(f"{ADS}RedirectTarget").text == target


@pytest.mark.parametrize("auth_type", [BASIC, NTLM])
def test_exchangelib_get_user_settings(ews, auth_type):
    account = ews.new_account(display_name="Lib User")
    with exchangelib_trusts(ews.ca_path):
        config = Configuration(
            service_endpoint=ews.autodiscover_url,
            auth_type=auth_type,
            credentials=Credentials(account.email, account.password),
        )
        protocol = AutodiscoverProtocol(config=config)
        result = protocol.get_user_settings(user=account.email)
        assert result.error_code is None and result.redirect_address is None  # NoError
        assert result.ews_url == ews.ews_url
        assert result.autodiscover_smtp_address == account.email
        assert result.user_settings["user_display_name"] == "Lib User"
        ews.server.set_autodiscover_redirect(account.email, address="elsewhere@fabrikam.com")
        redirected = protocol.get_user_settings(user=account.email)
        assert redirected.redirect_address == "elsewhere@fabrikam.com"


def test_pox_settings(ews, who):
    response = who.post(ews.server.autodiscover_pox_url, data=pox_request(who.account.email))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{POX_RESP}Autodiscover"
    assert root.find(f"{POX_OUT}Response/{POX_OUT}User/{POX_OUT}AutoDiscoverSMTPAddress").text == who.account.email
    assert root.find(f".//{POX_OUT}Action").text == "settings"
    protocols = {
        p.findtext(f"{POX_OUT}Type"): p
        for p in root.iter(f"{POX_OUT}Protocol")
        if p.find(f"{POX_OUT}EwsUrl") is not None
    }
    assert protocols["EXPR"].findtext(f"{POX_OUT}EwsUrl") == ews.ews_url
    assert protocols["EXCH"].findtext(f"{POX_OUT}ServerVersion") == "73C0834F"  # 15.0.847


def test_pox_unknown_address_and_invalid_request(ews, who):
    root = ET.fromstring(who.post(ews.server.autodiscover_pox_url, data=pox_request("nobody@contoso.com")).content)
    assert root.find(f"{POX_RESP}Response/{POX_RESP}Error/{POX_RESP}ErrorCode").text == "500"
    root = ET.fromstring(who.post(ews.server.autodiscover_pox_url, data=b"<nonsense/>").content)
    assert root.find(f".//{POX_RESP}ErrorCode").text == "600"


@pytest.mark.parametrize(
    "kind,action,element", [("address", "redirectAddr", "RedirectAddr"), ("url", "redirectUrl", "RedirectUrl")]
)
def test_pox_redirects(ews, who, kind, action, element):
    target = (
        "moved@fabrikam.com" if kind == "address" else "https://autodiscover.fabrikam.com/autodiscover/autodiscover.xml"
    )
    ews.server.set_autodiscover_redirect("gone@contoso.com", **{kind: target})
    root = ET.fromstring(who.post(ews.server.autodiscover_pox_url, data=pox_request("gone@contoso.com")).content)
    assert root.find(f".//{POX_OUT}Action").text == action
    assert root.find(f".//{POX_OUT}{element}").text == target


def test_autodiscover_faults(ews, who):
    ews.faults.inject("http503", operation="autodiscover", account=who.account.email)
    assert who.post(ews.server.autodiscover_pox_url, data=pox_request(who.account.email)).status_code == 503
    assert who.post(ews.server.autodiscover_pox_url, data=pox_request(who.account.email)).status_code == 200
