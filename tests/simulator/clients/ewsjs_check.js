// An independent EWS client against the loopback server: ews-javascript-api (the EWS Managed
// API ported to JavaScript). Each step prints one JSON line {step, ok, ...}; the Python test
// (tests/simulator/test_client_ewsjs.py) reads them. Arguments come from the environment:
// EWS_URL, EWS_USER, EWS_PASSWORD, EWS_PEER (a second mailbox), MIME_B64 (a message to send).
"use strict";
const ews = require("ews-javascript-api");

const service = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013_SP1);
service.Credentials = new ews.WebCredentials(process.env.EWS_USER, process.env.EWS_PASSWORD);
service.Url = new ews.Uri(process.env.EWS_URL);
const peer = process.env.EWS_PEER;
const marker = new ews.ExtendedPropertyDefinition(
  ews.DefaultExtendedPropertySet.PublicStrings, "SssmCheck", ews.MapiPropertyType.String);

function report(step, data) {
  console.log(JSON.stringify(Object.assign({ step: step, ok: true }, data || {})));
}

function failure(step, error) {
  const text = error && (error.message || error.toString());
  console.log(JSON.stringify({ step: step, ok: false, error: String(text).slice(0, 500) }));
}

async function step(name, fn) {
  try {
    report(name, await fn());
  } catch (error) {
    failure(name, error);
  }
}

async function main() {
  await step("find_folders", async () => {
    const view = new ews.FolderView(100);
    view.Traversal = ews.FolderTraversal.Deep;
    const found = await service.FindFolders(ews.WellKnownFolderName.MsgFolderRoot, view);
    return { names: found.Folders.map((f) => f.DisplayName) };
  });

  await step("send_html_with_attachment_and_property", async () => {
    const msg = new ews.EmailMessage(service);
    msg.Subject = "From ews-javascript-api";
    // ews-javascript-api writes the body without escaping it: unescaped HTML would be a schema
    // violation on Exchange as on this server (docs/ews-conformance.md), so it is escaped here
    msg.Body = new ews.MessageBody(ews.BodyType.HTML, "&lt;p&gt;Hello &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;");
    msg.ToRecipients.Add(peer);
    msg.Importance = ews.Importance.High;
    msg.SetExtendedProperty(marker, "js-1");
    msg.Attachments.AddFileAttachment("hello.txt", Buffer.from("hello from js").toString("base64"));
    await msg.SendAndSaveCopy();
    return {};
  });

  await step("find_sent_by_importance_and_property", async () => {
    const filter = new ews.SearchFilter.SearchFilterCollection(ews.LogicalOperator.And, [
      new ews.SearchFilter.IsEqualTo(ews.ItemSchema.Importance, ews.Importance.High),
      new ews.SearchFilter.IsEqualTo(marker, "js-1"),
    ]);
    const view = new ews.ItemView(10);
    view.PropertySet = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [marker]);
    const found = await service.FindItems(ews.WellKnownFolderName.SentItems, filter, view);
    return { subjects: found.Items.map((i) => i.Subject) };
  });

  await step("bind_with_mime_and_attachments", async () => {
    const view = new ews.ItemView(1);
    const found = await service.FindItems(ews.WellKnownFolderName.SentItems, view);
    const props = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [ews.ItemSchema.MimeContent, marker]);
    const item = await ews.EmailMessage.Bind(service, found.Items[0].Id, props);
    const mime = Buffer.from(item.MimeContent.Content, "base64").toString("utf8");
    const attachment = item.Attachments.items[0];
    await attachment.Load();
    let value = null;
    for (const p of item.ExtendedProperties.Items) value = p.Value;
    return {
      has_attachments: item.HasAttachments,
      mime_has_subject: mime.indexOf("Subject: From ews-javascript-api") >= 0,
      attachment: Buffer.from(attachment.Base64Content, "base64").toString("utf8"),
      marker: value,
    };
  });

  await step("create_from_mime", async () => {
    const msg = new ews.EmailMessage(service);
    msg.MimeContent = new ews.MimeContent("UTF-8", process.env.MIME_B64);
    await msg.Save(ews.WellKnownFolderName.Inbox);
    const props = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [ews.ItemSchema.MimeContent]);
    const back = await ews.EmailMessage.Bind(service, msg.Id, props);
    return { subject: back.Subject, same_mime: back.MimeContent.Content === process.env.MIME_B64 };
  });

  await step("reply_and_copy", async () => {
    const view = new ews.ItemView(1);
    const found = await service.FindItems(ews.WellKnownFolderName.Inbox, view);
    const original = await ews.EmailMessage.Bind(service, found.Items[0].Id);
    const reply = original.CreateReply(false);
    reply.BodyPrefix = new ews.MessageBody(ews.BodyType.Text, "Thanks");
    await reply.Save(ews.WellKnownFolderName.Drafts);
    await original.Copy(ews.WellKnownFolderName.Drafts);
    const drafts = await service.FindItems(ews.WellKnownFolderName.Drafts, new ews.ItemView(10));
    return { drafts: drafts.Items.map((i) => i.Subject).sort() };
  });

  await step("oof_and_time_zones", async () => {
    const oof = await service.GetUserOofSettings(process.env.EWS_USER);
    return { state: ews.OofState[oof.State] };
  });
}

main().then(() => report("done"), (error) => failure("main", error));
