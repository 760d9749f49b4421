"""Validate loopback EWS responses against Microsoft's EWS schema (tests/data/ews-schema).

Usage in tests (tests/simulator is on sys.path under pytest's default import mode)::

    from schema_util import validate_response_body
    validate_response_body(result.body)   # raises AssertionError / DocumentInvalid

The schema is loaded once per process (about 0.1-0.2 s) as described in
tests/data/ews-schema/README.md: an in-memory driver imports a stub of the XML namespace
first, then messages.xsd by absolute file URI. libxml2 compiles an empty schema without a word
when an imported file is missing, so the loader checks the files first and then that a known
EWS element validates, and fails naming the file otherwise.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "data" / "ews-schema"
SCHEMA_FILES = ("messages.xsd", "types.xsd")

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
E_NS = "http://schemas.microsoft.com/exchange/services/2006/errors"
WCF_NONE = "http://schemas.microsoft.com/ws/2005/05/addressing/none"

_XML_NS_STUB = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang"><xs:simpleType><xs:union memberTypes="xs:language">
    <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/>
    </xs:restriction></xs:simpleType></xs:union></xs:simpleType></xs:attribute>
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName">
    <xs:enumeration value="default"/><xs:enumeration value="preserve"/>
  </xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>"""


class _XmlNsResolver(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url.endswith("xml-ns.xsd"):
            return self.resolve_string(_XML_NS_STUB, context)
        return None


class SchemaMissing(RuntimeError):
    """The EWS schema files are not where the tests expect them."""


# A minimal valid GetFolder request: it validates only when messages.xsd and types.xsd were read.
_PROBE = b"""<m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
  xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
  <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
  <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
</m:GetFolder>"""


@lru_cache(maxsize=1)
def load_ews_schema(schema_dir: Path = SCHEMA_DIR) -> etree.XMLSchema:
    """The EWS messages+types schema, compiled once; SchemaMissing names what is missing."""
    for name in SCHEMA_FILES:
        if not (schema_dir / name).is_file():
            raise SchemaMissing(f"EWS schema file missing: {schema_dir / name} (see tests/data/README.md)")
    schema = _compile(schema_dir)
    if not schema.validate(etree.fromstring(_PROBE)):
        raise SchemaMissing(
            f"the EWS schema in {schema_dir} compiled without its declarations "
            f"({schema.error_log.last_error}); is a file there empty or damaged?"
        )
    return schema


def _compile(schema_dir: Path) -> etree.XMLSchema:
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ews-driver">
      <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml-ns.xsd"/>
      <xs:import namespace="http://schemas.microsoft.com/exchange/services/2006/messages"
                 schemaLocation="{(schema_dir / "messages.xsd").as_uri()}"/>
    </xs:schema>""".encode()
    parser = etree.XMLParser()
    parser.resolvers.add(_XmlNsResolver())
    doc = etree.fromstring(driver, parser, base_url=(schema_dir / "driver.xsd").as_uri())
    return etree.XMLSchema(etree.ElementTree(doc))


def validate_element(element) -> None:
    """Validate one EWS element (e.g. m:GetItemResponse); raises etree.DocumentInvalid."""
    load_ews_schema().assertValid(etree.ElementTree(copy.deepcopy(element)))


def validate_response_body(envelope_bytes: bytes) -> etree._Element:
    """Check a whole response envelope; returns the element inside <s:Body>.

    - a normal response: ServerVersionInfo header present and schema-valid, body element
      schema-valid;
    - a SOAP fault: faultcode/faultstring/detail with e:ResponseCode, as Exchange sends them.
    Raises AssertionError or lxml.etree.DocumentInvalid.
    """
    root = etree.fromstring(envelope_bytes)
    assert root.tag == f"{{{SOAP_NS}}}Envelope", root.tag
    body = root.find(f"{{{SOAP_NS}}}Body")
    assert body is not None and len(body) == 1, "soap:Body must hold exactly one element"
    element = body[0]
    if element.tag == f"{{{SOAP_NS}}}Fault":
        code = element.findtext("faultcode")
        if code == "a:ActionNotSupported":  # WCF's answer to an unknown method: no EWS detail
            assert element.find("faultcode").nsmap.get("a") == WCF_NONE, code
            assert element.findtext("faultstring"), "faultstring missing"
            return element
        assert code and code.startswith("a:") and element.find("faultcode").nsmap.get("a") == T_NS, code
        assert element.findtext("faultstring"), "faultstring missing"
        detail = element.find("detail")
        assert detail is not None, "fault without detail"
        assert detail.findtext(f"{{{E_NS}}}ResponseCode") == code[2:]
        assert detail.findtext(f"{{{E_NS}}}Message")
        return element
    header = root.find(f"{{{SOAP_NS}}}Header")
    assert header is not None, "response without soap:Header"
    info = header.find(f"{{{T_NS}}}ServerVersionInfo")
    assert info is not None, "response without ServerVersionInfo"
    for name in ("MajorVersion", "MinorVersion", "MajorBuildNumber", "MinorBuildNumber", "Version"):
        assert info.get(name), f"ServerVersionInfo lacks {name}"
    validate_element(info)
    validate_element(element)
    return element
