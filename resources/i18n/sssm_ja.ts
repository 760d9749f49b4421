<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AddressBookDialog</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子メール アドレス</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>There is no email server profile yet: create one first, then search through it.</source>
        <translation>電子メールサーバープロファイルがまだありません。先にプロファイルを作成してから、それを通して検索してください。</translation>
    </message>
    <message>
        <source>Type the beginning of a name or address, then click Search.</source>
        <translation>名前またはアドレスの先頭を入力し、[検索] をクリックしてください。</translation>
    </message>
    <message>
        <source>Searching the address book through “%1”…</source>
        <translation>「%1」を通してアドレス帳を検索しています…</translation>
    </message>
    <message>
        <source>The address book could not be searched: %1</source>
        <translation>アドレス帳を検索できませんでした: %1</translation>
    </message>
    <message>
        <source>Already a user, queue or mailbox: skipped</source>
        <translation>既にユーザー、キューまたはメールボックスです: スキップ</translation>
    </message>
    <message>
        <source>Nobody in the address book matches “%1”.</source>
        <translation>「%1」に一致する人はアドレス帳にいません。</translation>
    </message>
    <message>
        <source>Found %1. Tick the people to add as users, then click Add.</source>
        <translation>%1 件見つかりました。ユーザーとして追加する人のチェック ボックスをオンにして、[追加] をクリックしてください。</translation>
    </message>
    <message>
        <source>%1 of them are already here and are skipped.</source>
        <translation>そのうち %1 件は既に登録されているため、スキップされます。</translation>
    </message>
    <message>
        <source>Added %1 users, each with a mailbox with the email server profile “%2”.</source>
        <translation>%1 人のユーザーを追加しました。それぞれに電子メールサーバープロファイル「%2」のメールボックスがあります。</translation>
    </message>
    <message>
        <source>Added %1 users, each with a mailbox without an email server profile (no default is set).</source>
        <translation>%1 人のユーザーを追加しました。それぞれのメールボックスには電子メールサーバープロファイルがありません (既定のプロファイルが設定されていません)。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Skipped, as they already exist: %1.</source>
        <translation>既に存在するためスキップしました: %1。</translation>
    </message>
    <message>
        <source>Add users from the address book</source>
        <translation>アドレス帳からユーザーを追加</translation>
    </message>
    <message>
        <source>The beginning of a name or address</source>
        <translation>名前またはアドレスの先頭</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>見つかった人</translation>
    </message>
    <message>
        <source>Email server &amp;profile</source>
        <translation>電子メールサーバープロファイル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Name or email address</source>
        <translation>名前または電子メール アドレス(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>追加(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Disabled after repeated failures. </source>
        <translation>失敗が続いたため無効にしました。</translation>
    </message>
    <message>
        <source> Will retry at {time} (attempt {attempt} of {attempts}).</source>
        <translation>{time} に再試行します ({attempts} 回中 {attempt} 回目)。</translation>
    </message>
    <message>
        <source> No further logon is tried, so that the account is not locked out.</source>
        <translation>アカウントがロックアウトされないよう、これ以上ログオンは試行しません。</translation>
    </message>
    <message>
        <source>The mailbox works again after earlier failures.</source>
        <translation>以前の失敗の後、メールボックスは再び動作しています。</translation>
    </message>
    <message>
        <source>More than half of the mailboxes of this profile failed within the last hour.</source>
        <translation>過去 1 時間以内に、このプロファイルのメールボックスの半数以上が失敗しました。</translation>
    </message>
    <message>
        <source>Check the Exchange server and the profile&apos;s settings; test the profile&apos;s mailboxes.</source>
        <translation>Exchange サーバーとプロファイルの設定を確認し、プロファイルのメールボックスをテストしてください。</translation>
    </message>
    <message>
        <source>Check the user name and password on the mailbox&apos;s Credentials tab, then click Test &amp; Enable mailbox.</source>
        <translation>メールボックスの [資格情報] タブでユーザー名とパスワードを確認し、[メールボックスのテストを有効化] をクリックしてください。</translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <source>Level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>関連</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>エラーコード</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>発生回数</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Email server profile</source>
        <translation>電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>同期対象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細情報</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>既読</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>すべてのレベル</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>次の手順: %1</translation>
    </message>
    <message>
        <source>Delete alerts</source>
        <translation>通知の削除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected alert(s)?</source>
        <translation>
            <numerusform>選択した %n 件の通知を削除しますか?</numerusform>
        </translation>
    </message>
    <message>
        <source>Export alerts</source>
        <translation>通知のエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルに書き込めませんでした。</translation>
    </message>
    <message>
        <source>Search alerts</source>
        <translation>通知を検索</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>既読にする</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Select an alert to see its details.</source>
        <translation>通知を選択すると詳細が表示されます。</translation>
    </message>
    <message>
        <source>Alert details</source>
        <translation>通知の詳細</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Active and resolved</source>
        <translation>未解決と解決済み</translation>
    </message>
    <message>
        <source>Open mailbox</source>
        <translation>メールボックスを開く</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>電子メールサーバープロファイルを開く</translation>
    </message>
    <message>
        <source>Test again</source>
        <translation>もう一度テスト</translation>
    </message>
    <message>
        <source>Open the mailbox of the selected alert on the tab it concerns</source>
        <translation>選択した通知のメールボックスを、通知に関係するタブで開きます</translation>
    </message>
    <message>
        <source>Run Test &amp; Enable again on the mailbox of the selected alert</source>
        <translation>選択した通知のメールボックスで [メールボックスのテストを有効化] をもう一度実行します</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>CSV にエクスポート(&amp;V)…</translation>
    </message>
    <message>
        <source>Open &amp;mailbox</source>
        <translation>メールボックスを開く(&amp;M)</translation>
    </message>
    <message>
        <source>Test a&amp;gain</source>
        <translation>もう一度テスト(&amp;G)</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>既読にする(&amp;R)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>削除(&amp;L)</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>解決済み %1</translation>
    </message>
    <message>
        <source>%1, unread</source>
        <translation>%1、未読</translation>
    </message>
</context>
<context>
    <name>AppointmentEditor</name>
    <message>
        <source>Fir&amp;st day</source>
        <translation>開始日(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>終了日(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>終了(&amp;E)</translation>
    </message>
    <message>
        <source>Appointment: %1</source>
        <translation>予定: %1</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>新規予定</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>検証メッセージ</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>所有者(&amp;O)</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>件名(&amp;B)</translation>
    </message>
    <message>
        <source>Loc&amp;ation</source>
        <translation>場所(&amp;A)</translation>
    </message>
    <message>
        <source>All-da&amp;y event</source>
        <translation>終日イベント(&amp;Y)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>分類(&amp;G)</translation>
    </message>
    <message>
        <source>Descr&amp;iption</source>
        <translation>説明(&amp;I)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Synchronization state</source>
        <translation>同期の状態</translation>
    </message>
    <message>
        <source>S&amp;how conflict…</source>
        <translation>競合を表示(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>上書き保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save and sync &amp;now</source>
        <translation>上書き保存して今すぐ同期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Export PNG…</source>
        <translation>PNG にエクスポート…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture</source>
        <translation>このグラフを PNG 画像として保存します</translation>
    </message>
</context>
<context>
    <name>ColumnLayout</name>
    <message>
        <source>Restore default columns</source>
        <translation>既定の列に戻す</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>New email</source>
        <translation>新規電子メール</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>全員に返信</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>転送</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>%1、%2 のメッセージ:</translation>
    </message>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
    <message>
        <source>No tracking token: answers are tracked as the owner&apos;s tracking option says.</source>
        <translation>追跡トークンなし: 返信は所有者の追跡オプションに従って追跡されます。</translation>
    </message>
    <message>
        <source>The answer keeps the token %1 of the email it answers.</source>
        <translation>返信には、返信先の電子メールの追跡トークン %1 がそのまま付きます。</translation>
    </message>
    <message>
        <source>A token such as %1 (the prefix %2 and this email&apos;s number) goes at the end of the subject when it is sent; answers that carry it are tracked.</source>
        <translation>送信時に、%1 のようなトークン (プレフィックス %2 とこの電子メールの番号) が件名の末尾に付きます。このトークンを含む返信は追跡されます。</translation>
    </message>
    <message>
        <source>Queuing…</source>
        <translation>送信待ちにしています…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>閉じる(&amp;L)</translation>
    </message>
    <message>
        <source>The mailbox does not send yet: the email waits as Pending send.</source>
        <translation>メールボックスはまだ送信しません。電子メールは [送信待ち] のまま待機します。</translation>
    </message>
    <message>
        <source>Another cycle of this mailbox is sending: the email goes with the next one.</source>
        <translation>このメールボックスの別の同期が送信中です。電子メールは次の同期で送信されます。</translation>
    </message>
    <message>
        <source>The mailbox could not send (%1): the email goes with its next cycle.</source>
        <translation>メールボックスから送信できませんでした (%1)。電子メールは次の同期で送信されます。</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>送信されませんでした</translation>
    </message>
    <message>
        <source>The email could not be sent: %1</source>
        <translation>電子メールを送信できませんでした: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Tracking token: %1</source>
        <translation>追跡トークン: %1</translation>
    </message>
    <message>
        <source>Exchange&apos;s reason: %1</source>
        <translation>Exchange が示した理由: %1</translation>
    </message>
    <message>
        <source>Email not sent</source>
        <translation>電子メールは送信されませんでした</translation>
    </message>
    <message>
        <source>Exchange refused the email: %1
Correct it if needed, then choose Retry.</source>
        <translation>Exchange が電子メールを拒否しました: %1
必要に応じて修正し、[再試行] をクリックしてください。</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>検証メッセージ</translation>
    </message>
    <message>
        <source>name@contoso.com; other@fabrikam.com</source>
        <translation>name@contoso.com; other@fabrikam.com</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>差出人(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>宛先(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cc</source>
        <translation>CC(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>件名(&amp;S)</translation>
    </message>
    <message>
        <source>Trac&amp;king token</source>
        <translation>追跡トークン(&amp;K)</translation>
    </message>
    <message>
        <source>Track the &amp;answers with a tracking token in the subject</source>
        <translation>件名の追跡トークンで返信を追跡する(&amp;A)</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Sending status</source>
        <translation>送信の状態</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>今すぐ送信(&amp;N)</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>キャンセル(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>この条件を削除します</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>This conflict is no longer in the log (its mailbox was deleted).</source>
        <translation>この競合は記録に残っていません (メールボックスが削除されました)。</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>競合: %1</translation>
    </message>
    <message>
        <source>the store&apos;s</source>
        <translation>ストアの</translation>
    </message>
    <message>
        <source>Exchange&apos;s</source>
        <translation>Exchange の</translation>
    </message>
    <message>
        <source>The record changed here and in Exchange since they were last synchronized. The owner&apos;s conflict policy is [%1]: %2 change was the most recent, so its version was kept.</source>
        <translation>前回の同期の後、このレコードはここと Exchange の両方で変更されました。所有者の競合の解決方法は [%1] です。%2変更が最新だったため、そのバージョンが保持されました。</translation>
    </message>
    <message>
        <source>The record changed here and in Exchange since they were last synchronized. The owner&apos;s conflict policy is [%1], so that side&apos;s version was kept whatever the times.</source>
        <translation>前回の同期の後、このレコードはここと Exchange の両方で変更されました。所有者の競合の解決方法が [%1] のため、変更日時にかかわらずその側のバージョンが保持されました。</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Both versions</source>
        <translation>両方のバージョン</translation>
    </message>
    <message>
        <source>&amp;Open mailbox</source>
        <translation>メールボックスを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Contact: %1</source>
        <translation>取引先担当者: %1</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新規取引先担当者</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>取引先担当者</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>検証メッセージ</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>所有者(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>名(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>姓(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>電子メール(&amp;M)</translation>
    </message>
    <message>
        <source>Com&amp;pany</source>
        <translation>会社名(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>役職(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Business phone</source>
        <translation>会社電話(&amp;B)</translation>
    </message>
    <message>
        <source>Mob&amp;ile phone</source>
        <translation>携帯電話(&amp;I)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Synchronization state</source>
        <translation>同期の状態</translation>
    </message>
    <message>
        <source>S&amp;how conflict…</source>
        <translation>競合を表示(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>上書き保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save and sync &amp;now</source>
        <translation>上書き保存して今すぐ同期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Log file: %1</source>
        <translation>ログ ファイル: %1</translation>
    </message>
    <message>
        <source>Log file: none (logging is off: its folder cannot be written).</source>
        <translation>ログ ファイル: なし (ログ フォルダーに書き込めないため、ログは記録されていません)。</translation>
    </message>
    <message>
        <source>Server-Side Sync Manager met %1 unexpected errors.</source>
        <translation>サーバー側同期マネージャーで予期しないエラーが %1 件発生しました。</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>ログ フォルダーを開く</translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is %1</source>
        <translation>ログ フォルダーを開けませんでした。フォルダーの場所: %1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>Server-Side Sync Manager met an unexpected error.</source>
        <translation>サーバー側同期マネージャーで予期しないエラーが発生しました。</translation>
    </message>
    <message>
        <source>What you were doing may not have finished. The app can go on; if it misbehaves, quit and start it again. The report below has no passwords: copy it for whoever supports you, with the log file.</source>
        <translation>実行中の操作は完了していない可能性があります。アプリはこのまま使用できますが、動作がおかしい場合は終了してから起動し直してください。下のレポートにパスワードは含まれていません。コピーして、ログ ファイルと一緒にサポート担当者に渡してください。</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>エラー レポート</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>レポートをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open the log folder</source>
        <translation>ログ フォルダーを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>閉じる(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子メール アドレス</translation>
    </message>
    <message>
        <source>Delete emails after processing</source>
        <translation>処理後に電子メールを削除する</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Each line of the file is a user or a queue. Its first line names the columns: &lt;b&gt;kind&lt;/b&gt; (user or queue), &lt;b&gt;name&lt;/b&gt;, &lt;b&gt;email&lt;/b&gt; (the primary email address) and, if you like, &lt;b&gt;delete_after_processing&lt;/b&gt; (yes or no; queues only). Save it from Excel as CSV UTF-8. Each one gets a mailbox with the default email server profile. A file with a bad line is rejected whole: nothing is saved until it is corrected.</source>
        <translation>ファイルの各行が 1 つのユーザーまたはキューです。1 行目には列名を書きます: &lt;b&gt;kind&lt;/b&gt; (user または queue)、&lt;b&gt;name&lt;/b&gt; (名前)、&lt;b&gt;email&lt;/b&gt; (プライマリ電子メール アドレス)、必要に応じて &lt;b&gt;delete_after_processing&lt;/b&gt; (yes または no、キューのみ)。Excel では [CSV UTF-8] 形式で保存してください。それぞれに既定の電子メールサーバープロファイルのメールボックスが作成されます。問題のある行が 1 行でもあるとファイル全体が拒否され、修正されるまで何も保存されません。</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>例:</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV ファイルの選択</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>ファイルを確認しています…</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>ファイルを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>The file is larger than 2 MB: is it really a list of users and queues?</source>
        <translation>ファイルが 2 MB を超えています。ユーザーとキューの一覧で間違いありませんか?</translation>
    </message>
    <message>
        <source>%1 of %2 lines have a problem (shown in the last column). The file is rejected: nothing is saved. Correct those lines, then choose the file again.</source>
        <translation>%2 行中 %1 行に問題があります (最後の列に表示)。ファイルは拒否され、何も保存されません。これらの行を修正してから、もう一度ファイルを選択してください。</translation>
    </message>
    <message>
        <source>Ready to import %1 users and %2 queues, each with a mailbox.</source>
        <translation>%1 人のユーザーと %2 個のキューを、それぞれのメールボックスとともにインポートできます。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>何もインポートされませんでした: %1</translation>
    </message>
    <message>
        <source>Import users and queues</source>
        <translation>ユーザーとキューのインポート</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>ファイルが選択されていません</translation>
    </message>
    <message>
        <source>Lines of the file</source>
        <translation>ファイルの行</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>ファイルの選択(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Show these mailboxes in the Mailboxes list</source>
        <translation>これらのメールボックスを [メールボックス] の一覧に表示します</translation>
    </message>
    <message>
        <source>Items synchronized per hour</source>
        <translation>1 時間あたりの同期アイテム数</translation>
    </message>
    <message>
        <source>Failed cycles per hour</source>
        <translation>1 時間あたりの失敗した同期サイクル数</translation>
    </message>
    <message>
        <source>Cycle duration</source>
        <translation>同期サイクルの所要時間</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中央値</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95 パーセンタイル</translation>
    </message>
    <message>
        <source>Mailboxes with the most failures</source>
        <translation>失敗の多いメールボックス</translation>
    </message>
    <message>
        <source>Next scheduled cycles</source>
        <translation>次回の同期予定</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>%1 に更新</translation>
    </message>
    <message>
        <source>Retry of the test</source>
        <translation>テストの再試行</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG にエクスポート</translation>
    </message>
    <message>
        <source>The picture could not be saved.</source>
        <translation>画像を保存できませんでした。</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Mailboxes by state</source>
        <translation>状態別のメールボックス</translation>
    </message>
    <message>
        <source>Item monitoring</source>
        <translation>アイテムの監視</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>更新できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>DemoAccountsDialog</name>
    <message>
        <source>Demo accounts</source>
        <translation>デモ アカウント</translation>
    </message>
    <message>
        <source>The accounts of the demo&apos;s own Exchange server, the loopback server inside this app. Their passwords were made up by the demo server: they are not the passwords of any real account. The demo&apos;s mailboxes have them stored already; you need one for a mailbox of your own, or to correct a password changed from the Demo menu.</source>
        <translation>デモ専用の Exchange サーバー (このアプリ内のループバック サーバー) のアカウントです。パスワードはデモ サーバーが作った架空のもので、実在するアカウントのパスワードではありません。デモのメールボックスには保存済みです。自分で作るメールボックスや、[デモ] メニューで変更したパスワードを直すときに使います。</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子メール アドレス</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Copy every account as lines of address, name and password</source>
        <translation>すべてのアカウントを、アドレス、名前、パスワードの行としてコピーします</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the password of %1</source>
        <translation>%1 のパスワードをコピーします</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;all</source>
        <translation>すべてコピー(&amp;A)</translation>
    </message>
</context>
<context>
    <name>DemoFaultDialog</name>
    <message>
        <source>Simulate a fault</source>
        <translation>障害のシミュレーション</translation>
    </message>
    <message>
        <source>The demo&apos;s own Exchange server fails the chosen mailbox&apos;s requests on purpose. Synchronize (or Test &amp; Enable) the mailbox to see the failure, its alert and the retries; end the fault to see it recover.</source>
        <translation>デモ専用の Exchange サーバーが、選んだメールボックスの要求をわざと失敗させます。メールボックスを同期する (または [メールボックスのテストを有効化] をクリックする) と、失敗、その通知と再試行を確認できます。障害を終了すると回復します。</translation>
    </message>
    <message>
        <source>Every demo mailbox</source>
        <translation>デモのすべてのメールボックス</translation>
    </message>
    <message>
        <source>Server busy (ErrorServerBusy)</source>
        <translation>サーバー ビジー (ErrorServerBusy)</translation>
    </message>
    <message>
        <source>Time-out (the answer comes too late)</source>
        <translation>タイムアウト (応答が遅すぎる)</translation>
    </message>
    <message>
        <source>Service unavailable (HTTP 503)</source>
        <translation>サービス利用不可 (HTTP 503)</translation>
    </message>
    <message>
        <source>Connection reset</source>
        <translation>接続のリセット</translation>
    </message>
    <message>
        <source>Every request</source>
        <translation>すべての要求</translation>
    </message>
    <message>
        <source>Synchronization only (SyncFolderItems)</source>
        <translation>同期のみ (SyncFolderItems)</translation>
    </message>
    <message>
        <source>Until ended</source>
        <translation>終了するまで</translation>
    </message>
    <message>
        <source>Exchange answers ErrorServerBusy and asks to wait %1 seconds before the next request (throttling).</source>
        <translation>Exchange が ErrorServerBusy を返し、次の要求まで %1 秒待つよう求めます (調整)。</translation>
    </message>
    <message>
        <source>The server answers %1 seconds late, after the profile&apos;s time-out: the app stops waiting first.</source>
        <translation>サーバーはプロファイルのタイムアウトより遅い %1 秒後に応答します。アプリは先に待つのをやめます。</translation>
    </message>
    <message>
        <source>The server answers HTTP 503 Service Unavailable, as when Exchange&apos;s application pool is stopped.</source>
        <translation>Exchange のアプリケーション プールが停止したときと同じく、サーバーが HTTP 503 Service Unavailable を返します。</translation>
    </message>
    <message>
        <source>The server drops the connection without answering.</source>
        <translation>サーバーは応答せずに接続を切断します。</translation>
    </message>
    <message>
        <source>every demo mailbox</source>
        <translation>デモのすべてのメールボックス</translation>
    </message>
    <message>
        <source>until ended</source>
        <translation>終了するまで</translation>
    </message>
    <message>
        <source>%1 more request(s)</source>
        <translation>あと %1 件の要求</translation>
    </message>
    <message>
        <source>failed %1 so far</source>
        <translation>これまでに %1 件失敗</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Simulating a fault: %1</source>
        <translation>障害をシミュレート中: %1</translation>
    </message>
    <message>
        <source>Faults ended: %1</source>
        <translation>終了した障害: %1 件</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>メールボックス(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Fault:</source>
        <translation>障害(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation>要求(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;How many fail:</source>
        <translation>失敗させる回数(&amp;H):</translation>
    </message>
    <message>
        <source>Faults in f&amp;orce:</source>
        <translation>発生中の障害(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;End faults</source>
        <translation>障害を終了(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Simulate</source>
        <translation>シミュレート(&amp;S)</translation>
    </message>
</context>
<context>
    <name>DemoPasswordDialog</name>
    <message>
        <source>Change the password of a demo account</source>
        <translation>デモ アカウントのパスワードの変更</translation>
    </message>
    <message>
        <source>The password changes on the demo&apos;s Exchange server only, as when an administrator changes it in Active Directory. The mailbox in this app keeps the password it has stored, which is then wrong: its next Test &amp; Enable or synchronization fails with Unauthorized. To correct it, type the new password on the mailbox&apos;s Credentials tab.</source>
        <translation>管理者が Active Directory でパスワードを変更したときと同じく、デモの Exchange サーバー上でだけパスワードが変わります。このアプリのメールボックスには保存済みのパスワードが残り、それが誤ったパスワードになります。次の [メールボックスのテストを有効化] や同期は Unauthorized で失敗します。直すには、メールボックスの [資格情報] タブで新しいパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The new password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>Enter the new password: an empty password is not allowed.</source>
        <translation>新しいパスワードを入力してください。空のパスワードは使用できません。</translation>
    </message>
    <message>
        <source>&amp;Demo account:</source>
        <translation>デモ アカウント(&amp;D):</translation>
    </message>
    <message>
        <source>Make one &amp;up</source>
        <translation>自動生成(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新しいパスワード(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation>パスワードを変更(&amp;P)</translation>
    </message>
</context>
<context>
    <name>DiagnosticResultsDialog</name>
    <message>
        <source>Results of Test &amp; Enable mailboxes: %1</source>
        <translation>[メールボックスのテストを有効化] の結果レポート: %1</translation>
    </message>
    <message>
        <source>Tested mailboxes</source>
        <translation>テストしたメールボックス</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子メール アドレス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>%1 of %2 mailboxes passed and are enabled. Failed: %3. Open a report to see what to do.</source>
        <translation>%2 件中 %1 件のメールボックスがテストに合格し、有効になりました。失敗: %3。対処方法はレポートを開いて確認してください。</translation>
    </message>
    <message>
        <source>%1 of %2 mailboxes passed and are enabled.</source>
        <translation>%2 件中 %1 件のメールボックスがテストに合格し、有効になりました。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>View the report of %1</source>
        <translation>%1 のレポートを表示</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View report</source>
        <translation>レポートを表示(&amp;V)</translation>
    </message>
</context>
<context>
    <name>DiagnosticRunner</name>
    <message>
        <source>Testing mailbox %1…</source>
        <translation>メールボックス %1 をテストしています…</translation>
    </message>
    <message>
        <source>Testing the mailboxes of %1…</source>
        <translation>%1 のメールボックスをテストしています…</translation>
    </message>
    <message>
        <source>Testing mailboxes: %1 of %2 done</source>
        <translation>メールボックスのテスト: %2 件中 %1 件完了</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Test &amp; Enable</source>
        <translation>メールボックスのテストを有効化</translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation>テストを実行できませんでした。</translation>
    </message>
    <message>
        <source>A Test &amp; Enable of several mailboxes is already running.</source>
        <translation>複数のメールボックスに対する [メールボックスのテストを有効化] は既に実行中です。</translation>
    </message>
    <message>
        <source>No mailbox to test.</source>
        <translation>テストするメールボックスがありません。</translation>
    </message>
    <message>
        <source>Stopping the Test &amp; Enable…</source>
        <translation>[メールボックスのテストを有効化] を停止しています…</translation>
    </message>
    <message>
        <source>No mailbox failed its last Test &amp; Enable: nothing to test again.</source>
        <translation>前回の [メールボックスのテストを有効化] で失敗したメールボックスはありません。再テストする対象はありません。</translation>
    </message>
    <message>
        <source>Test &amp; Enable cancelled: %1 of %2 mailboxes tested, %3 passed</source>
        <translation>[メールボックスのテストを有効化] をキャンセルしました: %2 件中 %1 件をテストし、%3 件が合格</translation>
    </message>
    <message>
        <source>Test &amp; Enable mailboxes: %1 of %2 passed</source>
        <translation>メールボックスのテストを有効化: %2 件中 %1 件が合格</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>The address is approved, a profile is set and the needed credentials are present.</source>
        <translation>アドレスは承認済みで、プロファイルが設定され、必要な資格情報があります。</translation>
    </message>
    <message>
        <source>Preconditions</source>
        <translation>前提条件</translation>
    </message>
    <message>
        <source>Exchange Web Services endpoint</source>
        <translation>Exchange Web サービスのエンドポイント</translation>
    </message>
    <message>
        <source>Connect and authenticate</source>
        <translation>接続と認証</translation>
    </message>
    <message>
        <source>Authenticated with {auth_type} as {username}; server version {build} ({api_version})</source>
        <translation>{username} として {auth_type} で認証しました。サーバー バージョン {build} ({api_version})</translation>
    </message>
    <message>
        <source>No workload uses server-side synchronization: nothing to test.</source>
        <translation>サーバー側同期を使用する同期対象がないため、テストする項目はありません。</translation>
    </message>
    <message>
        <source>Configured EWS address: {url}</source>
        <translation>構成された EWS アドレス: {url}</translation>
    </message>
    <message>
        <source>Autodiscover found {url}</source>
        <translation>自動検出で {url} が見つかりました</translation>
    </message>
    <message>
        <source>; impersonating {email}</source>
        <translation>。{email} を偽装しています</translation>
    </message>
    <message>
        <source>Inbox opened: {count} items.</source>
        <translation>受信トレイを開きました: {count} 件のアイテム。</translation>
    </message>
    <message>
        <source>Sent “{subject}” to {email} and found it in Sent Items.</source>
        <translation>「{subject}」を {email} に送信し、送信済みアイテムで見つかりました。</translation>
    </message>
    <message>
        <source>Folders opened: Calendar {calendar}, Contacts {contacts}, Tasks {tasks} items.</source>
        <translation>フォルダーを開きました: 予定表 {calendar} 件、連絡先 {contacts} 件、タスク {tasks} 件のアイテム。</translation>
    </message>
    <message>
        <source> Undeliverable folder created.</source>
        <translation>[配信不能] フォルダーを作成しました。</translation>
    </message>
    <message>
        <source> Undeliverable folder present.</source>
        <translation>[配信不能] フォルダーはすでにあります。</translation>
    </message>
    <message>
        <source>Incoming email</source>
        <translation>受信メール</translation>
    </message>
    <message>
        <source>Outgoing email</source>
        <translation>送信メール</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks</source>
        <translation>予定、取引先担当者、タスク</translation>
    </message>
</context>
<context>
    <name>DurationChart</name>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>No cycles in this period</source>
        <translation>この期間に同期サイクルはありません</translation>
    </message>
    <message>
        <source>%1: %2 s</source>
        <translation>%1: %2 秒</translation>
    </message>
    <message>
        <source>Cycles: %1</source>
        <translation>同期サイクル数: %1</translation>
    </message>
    <message>
        <source>Click to see the slowest mailboxes</source>
        <translation>クリックすると時間のかかったメールボックスを表示します</translation>
    </message>
</context>
<context>
    <name>EmailDetail</name>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>受信トレイ</translation>
    </message>
    <message>
        <source>Sent Items</source>
        <translation>送信済みアイテム</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source> (owner: %1)</source>
        <translation> (所有者: %1)</translation>
    </message>
    <message>
        <source>Exchange&apos;s reason: %1</source>
        <translation>Exchange が示した理由: %1</translation>
    </message>
    <message>
        <source>None yet: the email is in no mailbox&apos;s folder.</source>
        <translation>まだありません: この電子メールはどのメールボックスのフォルダーにもありません。</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2)、%3</translation>
    </message>
    <message>
        <source>: tracked by %1</source>
        <translation> (追跡の理由: %1)</translation>
    </message>
    <message>
        <source>answers it</source>
        <translation>この電子メールへの返信</translation>
    </message>
    <message>
        <source>in its References</source>
        <translation>References に含まれる</translation>
    </message>
    <message>
        <source>issued its tracking token</source>
        <translation>追跡トークンの発行元</translation>
    </message>
    <message>
        <source>first of its conversation</source>
        <translation>会話の最初の電子メール</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>取引先担当者</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>取引先企業</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>潜在顧客</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>キュー</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Remote content blocked: %n image(s) or style sheet(s) were not loaded.</source>
        <translation>
            <numerusform>リモート コンテンツをブロックしました: %n 個の画像またはスタイル シートを読み込みませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状態(&amp;S)</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>再試行(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>返信(&amp;R)</translation>
    </message>
    <message>
        <source>Reply &amp;all</source>
        <translation>全員に返信(&amp;A)</translation>
    </message>
    <message>
        <source>For&amp;ward</source>
        <translation>転送(&amp;W)</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>追跡</translation>
    </message>
    <message>
        <source>Tracking token</source>
        <translation>追跡トークン</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Correlated to</source>
        <translation>関連付けられた電子メール</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>関連</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>In-Reply-To</source>
        <translation>In-Reply-To</translation>
    </message>
</context>
<context>
    <name>EmailWindow</name>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>電子メール: %1</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Exchange Server</source>
        <translation>Exchange Server</translation>
    </message>
    <message>
        <source>Exchange Online</source>
        <translation>Exchange Online</translation>
    </message>
    <message>
        <source>Credentials specified by a user or queue</source>
        <translation>ユーザーまたはキューで指定した資格情報</translation>
    </message>
    <message>
        <source>Credentials specified in email server profile</source>
        <translation>電子メールサーバープロファイルで指定した資格情報</translation>
    </message>
    <message>
        <source>Windows integrated authentication</source>
        <translation>Windows 統合認証</translation>
    </message>
    <message>
        <source>Auto detect</source>
        <translation>自動検出</translation>
    </message>
    <message>
        <source>Negotiate</source>
        <translation>Negotiate</translation>
    </message>
    <message>
        <source>NTLM</source>
        <translation>NTLM</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Microsoft Dynamics CRM for Outlook</source>
        <translation>Microsoft Dynamics CRM for Outlook</translation>
    </message>
    <message>
        <source>Server-Side Synchronization</source>
        <translation>サーバー側同期</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Email server profile</source>
        <translation>電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子メール</translation>
    </message>
    <message>
        <source>Incoming email</source>
        <translation>受信メール</translation>
    </message>
    <message>
        <source>Outgoing email</source>
        <translation>送信メール</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks</source>
        <translation>予定、取引先担当者、タスク</translation>
    </message>
    <message>
        <source>All email messages</source>
        <translation>すべての電子メール メッセージ</translation>
    </message>
    <message>
        <source>Email messages in response to tracked email</source>
        <translation>追跡対象の電子メールへの返信メッセージ</translation>
    </message>
    <message>
        <source>Email messages from known contacts, accounts and leads</source>
        <translation>既知の取引先担当者、取引先企業、潜在顧客からの電子メール メッセージ</translation>
    </message>
    <message>
        <source>Email messages from records that are email enabled</source>
        <translation>電子メールが有効なレコードからの電子メール メッセージ</translation>
    </message>
    <message>
        <source>Tracking token in the subject</source>
        <translation>件名の追跡トークン</translation>
    </message>
    <message>
        <source>In reply to a tracked email</source>
        <translation>追跡対象の電子メールへの返信</translation>
    </message>
    <message>
        <source>In the conversation of a tracked email</source>
        <translation>追跡対象の電子メールと同じ会話</translation>
    </message>
    <message>
        <source>From a known contact, account or lead</source>
        <translation>既知の取引先担当者、取引先企業、潜在顧客から</translation>
    </message>
    <message>
        <source>From a record that is email enabled</source>
        <translation>電子メールが有効なレコードから</translation>
    </message>
    <message>
        <source>The same email as one already tracked (same Message-ID)</source>
        <translation>追跡済みの電子メールと同一 (同じ Message-ID)</translation>
    </message>
    <message>
        <source>Sent from this mailbox</source>
        <translation>このメールボックスから送信</translation>
    </message>
    <message>
        <source>Not recorded (stored by an earlier version)</source>
        <translation>記録なし (以前のバージョンで保存)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>同期済み</translation>
    </message>
    <message>
        <source>Deleted in Exchange, kept</source>
        <translation>Exchange で削除済み (保持)</translation>
    </message>
    <message>
        <source>Not synchronized</source>
        <translation>同期されていません</translation>
    </message>
    <message>
        <source>Most recent change wins</source>
        <translation>最新の変更を優先</translation>
    </message>
    <message>
        <source>Store wins</source>
        <translation>ストアを優先</translation>
    </message>
    <message>
        <source>Exchange wins</source>
        <translation>Exchange を優先</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>キュー</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Pending send</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受信済み</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>取引先担当者</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非アクティブ</translation>
    </message>
    <message>
        <source>Equals</source>
        <translation>次の値と等しい</translation>
    </message>
    <message>
        <source>Does not equal</source>
        <translation>次の値と等しくない</translation>
    </message>
    <message>
        <source>Contains</source>
        <translation>次の値を含む</translation>
    </message>
    <message>
        <source>Begins with</source>
        <translation>次の値で始まる</translation>
    </message>
    <message>
        <source>On or after</source>
        <translation>次の日付以降</translation>
    </message>
    <message>
        <source>On or before</source>
        <translation>次の日付以前</translation>
    </message>
    <message>
        <source>Does not contain data</source>
        <translation>データを含まない</translation>
    </message>
    <message>
        <source>Contains data</source>
        <translation>データを含む</translation>
    </message>
    <message>
        <source>Equals current user</source>
        <translation>現在のユーザーと等しい</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Never tested</source>
        <translation>未テスト</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The folder {folder} cannot be written to.</source>
        <translation>フォルダー {folder} に書き込めません。</translation>
    </message>
    <message>
        <source>The email address {subject} is not approved.</source>
        <translation>電子メール アドレス {subject} は承認されていません。</translation>
    </message>
    <message>
        <source>Open the mailbox and click Approve email, then test again.</source>
        <translation>メールボックスを開いて [電子メールの承認] をクリックし、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>The mailbox {subject} has no email server profile.</source>
        <translation>メールボックス {subject} に電子メールサーバープロファイルがありません。</translation>
    </message>
    <message>
        <source>Choose a server profile on the mailbox&apos;s Synchronization method tab.</source>
        <translation>メールボックスの [同期方法] タブでサーバープロファイルを選択してください。</translation>
    </message>
    <message>
        <source>The profile uses each mailbox&apos;s own credentials, but {subject} does not allow its credentials to be used for email processing.</source>
        <translation>プロファイルは各メールボックスの資格情報を使用しますが、{subject} は電子メール処理での資格情報の使用を許可していません。</translation>
    </message>
    <message>
        <source>The user name or password of {subject} is missing.</source>
        <translation>{subject} のユーザー名またはパスワードがありません。</translation>
    </message>
    <message>
        <source>Enter the user name and password on the mailbox&apos;s Credentials tab.</source>
        <translation>メールボックスの [資格情報] タブでユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The email server profile “{subject}” has no user name or password.</source>
        <translation>電子メールサーバープロファイル「{subject}」にユーザー名またはパスワードがありません。</translation>
    </message>
    <message>
        <source>Enter the user name and password in the profile&apos;s credentials.</source>
        <translation>プロファイルの資格情報にユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The EWS address {subject} starts with http://, but the profile&apos;s “Use SSL” setting is on, so it is not used.</source>
        <translation>EWS アドレス {subject} は http:// で始まっていますが、プロファイルの [SSL を使用する] がオンのため、このアドレスは使用されません。</translation>
    </message>
    <message>
        <source>Enter the https:// address in the profile, or turn “Use SSL” off (credentials then also need “allow credentials over non-SSL” in the system settings).</source>
        <translation>プロファイルに https:// のアドレスを入力するか、[SSL を使用する] をオフにしてください (その場合、資格情報を送信するにはシステム設定で [SSL 以外での資格情報の使用を許可する] も必要です)。</translation>
    </message>
    <message>
        <source>The EWS address {subject} starts with https://, but the profile&apos;s “Use SSL” setting is off, so it is not used.</source>
        <translation>EWS アドレス {subject} は https:// で始まっていますが、プロファイルの [SSL を使用する] がオフのため、このアドレスは使用されません。</translation>
    </message>
    <message>
        <source>Turn “Use SSL” on in the profile, or enter the http:// address.</source>
        <translation>プロファイルで [SSL を使用する] をオンにするか、http:// のアドレスを入力してください。</translation>
    </message>
    <message>
        <source>The profile&apos;s trusted CA certificate file {subject} is missing or cannot be read.</source>
        <translation>プロファイルの信頼する CA 証明書ファイル {subject} が見つからないか、読み取れません。</translation>
    </message>
    <message>
        <source>Select the CA&apos;s certificate file again in the profile&apos;s “Trusted CA certificate” setting (Advanced), or clear the setting if the server&apos;s certificate is from a public CA; then test again.</source>
        <translation>プロファイルの [詳細] タブの [信頼する CA 証明書] で CA の証明書ファイルを選択し直すか、サーバーの証明書が公的な CA のものであれば空にしてください。その後、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>予期しないエラーが発生しました。</translation>
    </message>
    <message>
        <source>Give your user account write access to the folder and make sure the disk has free space (or set SSSM_HOME to a writable folder); then test again.</source>
        <translation>お使いのユーザー アカウントにフォルダーへの書き込み権限を与え、ディスクに空き領域があることを確認してください (または SSSM_HOME に書き込み可能なフォルダーを設定してください)。その後、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>Credentials were not sent to {url}: the connection does not use SSL, and the system settings do not allow credentials over non-SSL connections.</source>
        <translation>資格情報は {url} に送信されませんでした。この接続は SSL を使用しておらず、システム設定で SSL 以外の接続での資格情報の使用が許可されていません。</translation>
    </message>
    <message>
        <source>Turn on SSL for the profile, or allow credentials over non-SSL in the system settings.</source>
        <translation>プロファイルで SSL をオンにするか、システム設定で SSL 以外での資格情報の使用を許可してください。</translation>
    </message>
    <message>
        <source>The password could not be read: the credential store (keyring) is missing or locked.</source>
        <translation>パスワードを読み取れませんでした。資格情報ストア (キーリング) がないか、ロックされています。</translation>
    </message>
    <message>
        <source>On Windows, check that Windows Credential Manager is available; on Linux, start and unlock a Secret Service (GNOME Keyring or KWallet). Then test the mailbox again.</source>
        <translation>Windows では Windows 資格情報マネージャーが使用できることを確認してください。Linux では Secret Service (GNOME Keyring または KWallet) を起動してロックを解除してください。その後、メールボックスをもう一度テストしてください。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so the connection was refused.</source>
        <translation>サーバーの証明書が信頼されていないため、接続は拒否されました。</translation>
    </message>
    <message>
        <source>If the server uses a certificate from your organisation&apos;s own CA, select that CA&apos;s file in the profile&apos;s “Trusted CA certificate” setting (Advanced). Verification is never turned off.</source>
        <translation>サーバーが組織独自の CA の証明書を使用している場合は、プロファイルの [詳細] タブの [信頼する CA 証明書] でその CA のファイルを選択してください。証明書の検証が無効になることはありません。</translation>
    </message>
    <message>
        <source>Autodiscover did not find the Exchange Web Services address.</source>
        <translation>自動検出で Exchange Web サービスアドレスが見つかりませんでした。</translation>
    </message>
    <message>
        <source>Check the DNS records for Autodiscover, or turn Autodiscover off and enter the EWS address.</source>
        <translation>自動検出用の DNS レコードを確認するか、自動検出をオフにして EWS アドレスを入力してください。</translation>
    </message>
    <message>
        <source>The server refused the user name or password (HTTP 401).</source>
        <translation>サーバーがユーザー名またはパスワードを拒否しました (HTTP 401)。</translation>
    </message>
    <message>
        <source>The profile&apos;s account is not allowed to impersonate this mailbox.</source>
        <translation>プロファイルのアカウントには、このメールボックスの偽装が許可されていません。</translation>
    </message>
    <message>
        <source>The email server profile “{subject}” has no credentials to search the address book with.</source>
        <translation>電子メールサーバープロファイル「{subject}」には、アドレス帳の検索に使える資格情報がありません。</translation>
    </message>
    <message>
        <source>The profile uses the credentials of each user or queue: enter the user name and password on one of its mailboxes first (Credentials tab), or choose a profile with its own credentials.</source>
        <translation>このプロファイルはユーザーまたはキューごとの資格情報を使用します。先にいずれかのメールボックスの [資格情報] タブでユーザー名とパスワードを入力するか、独自の資格情報を持つプロファイルを選択してください。</translation>
    </message>
    <message>
        <source>The email server profile “{subject}” finds its server with Autodiscover, which needs an email address, and it has none to use.</source>
        <translation>電子メールサーバープロファイル「{subject}」は自動検出でサーバーを探しますが、それに必要な電子メール アドレスがありません。</translation>
    </message>
    <message>
        <source>Enter the profile&apos;s user name as an email address, or its Exchange Web Services address.</source>
        <translation>プロファイルのユーザー名を電子メール アドレスの形式で入力するか、Exchange Web サービスアドレスを入力してください。</translation>
    </message>
    <message>
        <source>The email server profile was deleted.</source>
        <translation>電子メールサーバープロファイルは削除されました。</translation>
    </message>
    <message>
        <source>Choose another email server profile.</source>
        <translation>別の電子メールサーバープロファイルを選択してください。</translation>
    </message>
    <message>
        <source>The password could not be opened: this host does not hold the data key of the shared database.</source>
        <translation>パスワードを開けませんでした: このホストは共有データベースのデータ キーを保持していません。</translation>
    </message>
    <message>
        <source>Import the data key on this host (python -m app keys import FILE, made by keys export on a host that has it). The synchronization retries after the back-off.</source>
        <translation>このホストにデータ キーをインポートしてください (python -m app keys import FILE。FILE はキーを保持するホストで keys export により作成します)。待機時間の後に同期が再試行されます。</translation>
    </message>
    <message>
        <source>Exchange does not let this account send email as the mailbox (ErrorSendAsDenied).</source>
        <translation>Exchange は、このアカウントがメールボックスとして電子メールを送信することを許可していません (ErrorSendAsDenied)。</translation>
    </message>
    <message>
        <source>Give the account Send As permission on the mailbox in Exchange, or use the mailbox&apos;s own credentials; then test and enable the mailbox again.</source>
        <translation>Exchange でこのアカウントにメールボックスの「送信者」アクセス許可を与えるか、メールボックス自身の資格情報を使用してください。その後、[メールボックスのテストを有効化] をもう一度実行してください。</translation>
    </message>
    <message>
        <source>The account may not open this mailbox (access denied).</source>
        <translation>このアカウントはこのメールボックスを開けません (アクセス拒否)。</translation>
    </message>
    <message>
        <source>Exchange has no mailbox with this email address.</source>
        <translation>この電子メール アドレスのメールボックスは Exchange にありません。</translation>
    </message>
    <message>
        <source>Check the mailbox&apos;s email address, or create the mailbox in Exchange.</source>
        <translation>メールボックスの電子メール アドレスを確認するか、Exchange でメールボックスを作成してください。</translation>
    </message>
    <message>
        <source>The server is unavailable (HTTP 503): Exchange Web Services is stopped or restarting.</source>
        <translation>サーバーを使用できません (HTTP 503)。Exchange Web サービスが停止しているか、再起動中です。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. If it persists, check that the Exchange server and its EWS application pool (MSExchangeServicesAppPool) are running.</source>
        <translation>待機時間の後に再試行されます。解決しない場合は、Exchange サーバーとその EWS アプリケーション プール (MSExchangeServicesAppPool) が実行されていることを確認してください。</translation>
    </message>
    <message>
        <source>Exchange is busy and asked to wait before the next request (throttling).</source>
        <translation>Exchange がビジー状態のため、次の要求まで待機するよう求められました (調整)。</translation>
    </message>
    <message>
        <source>Nothing to do: it is retried after the back-off. If it keeps happening, lower the profile&apos;s maximum concurrent connections.</source>
        <translation>対処は不要です。待機時間の後に再試行されます。繰り返し発生する場合は、プロファイルの同時接続の最大数を減らしてください。</translation>
    </message>
    <message>
        <source>The server refused access to Exchange Web Services (HTTP 403).</source>
        <translation>サーバーが Exchange Web サービスへのアクセスを拒否しました (HTTP 403)。</translation>
    </message>
    <message>
        <source>Check that EWS is enabled for this mailbox and that the SSL setting matches the server.</source>
        <translation>このメールボックスで EWS が有効になっていること、SSL の設定がサーバーと一致していることを確認してください。</translation>
    </message>
    <message>
        <source>The server name could not be found (DNS).</source>
        <translation>サーバー名が見つかりませんでした (DNS)。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. Check the server name in the profile&apos;s EWS address (or the email domain, with Autodiscover) and this computer&apos;s DNS settings.</source>
        <translation>待機時間の後に再試行されます。プロファイルの EWS アドレスのサーバー名 (自動検出の場合は電子メールのドメイン) と、このコンピューターの DNS 設定を確認してください。</translation>
    </message>
    <message>
        <source>The connection to the server failed or was reset.</source>
        <translation>サーバーへの接続に失敗したか、接続がリセットされました。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. Check that the server address is right and reachable.</source>
        <translation>待機時間の後に再試行されます。サーバーのアドレスが正しく、到達可能であることを確認してください。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>サーバーが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. If it keeps happening, check the network or raise the profile&apos;s timeout.</source>
        <translation>待機時間の後に再試行されます。繰り返し発生する場合は、ネットワークを確認するか、プロファイルのタイムアウトを長くしてください。</translation>
    </message>
    <message>
        <source>Exchange reported an internal error.</source>
        <translation>Exchange が内部エラーを報告しました。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. If it persists, check the Exchange server&apos;s health.</source>
        <translation>待機時間の後に再試行されます。解決しない場合は、Exchange サーバーの状態を確認してください。</translation>
    </message>
    <message>
        <source>The Exchange front end reported an error.</source>
        <translation>Exchange のフロントエンドがエラーを報告しました。</translation>
    </message>
    <message>
        <source>It is retried after the back-off.</source>
        <translation>待機時間の後に再試行されます。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not valid Exchange Web Services XML.</source>
        <translation>サーバーの応答が有効な Exchange Web サービスの XML ではありませんでした。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. A proxy or load balancer between here and Exchange may be altering responses.</source>
        <translation>待機時間の後に再試行されます。このコンピューターと Exchange の間にあるプロキシまたはロード バランサーが応答を変更している可能性があります。</translation>
    </message>
    <message>
        <source>The server answered with an HTTP error.</source>
        <translation>サーバーが HTTP エラーを返しました。</translation>
    </message>
    <message>
        <source>The local store is busy: another program holds its lock (database is locked).</source>
        <translation>ローカル ストアがビジー状態です。別のプログラムがロックを保持しています (database is locked)。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. If it keeps happening, close other copies of the app and commands that use the same data folder.</source>
        <translation>待機時間の後に再試行されます。繰り返し発生する場合は、同じデータ フォルダーを使用しているこのアプリの他のインスタンスやコマンドを終了してください。</translation>
    </message>
    <message>
        <source>The local store&apos;s database could not be reached.</source>
        <translation>ローカル ストアのデータベースに接続できませんでした。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. Check that the data folder (or the database server) is available, then look at the log.</source>
        <translation>待機時間の後に再試行されます。データ フォルダー (またはデータベース サーバー) が使用可能であることを確認してから、ログを確認してください。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>ファイル {path} が見つかりません。</translation>
    </message>
    <message>
        <source>Check the file names in the profile&apos;s settings (the trusted CA certificate) and that the app&apos;s data folder is complete; then test again.</source>
        <translation>プロファイルの設定にあるファイル名 (信頼する CA 証明書) と、アプリのデータ フォルダーに欠けているものがないことを確認してください。その後、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>The server name {host} could not be found (DNS).</source>
        <translation>サーバー名 {host} が見つかりませんでした (DNS)。</translation>
    </message>
    <message>
        <source>The synchronization stopped on an internal error.</source>
        <translation>内部エラーのため同期が停止しました。</translation>
    </message>
    <message>
        <source>The mailbox was deleted.</source>
        <translation>メールボックスは削除されました。</translation>
    </message>
    <message>
        <source>On the mailbox&apos;s Credentials tab, select “Allow the use of credentials for email processing” and enter the user name and password.</source>
        <translation>メールボックスの [資格情報] タブで [電子メール処理での資格情報の使用を許可する] をオンにし、ユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <source>It is retried after the back-off. Save the mailbox details and send them to support if it persists.</source>
        <translation>待機時間の後に再試行されます。解決しない場合は、メールボックスの詳細を保存してサポートに送付してください。</translation>
    </message>
    <message>
        <source>Check the user name and password this mailbox logs on with and the profile&apos;s authentication protocol, then test again. It is retried only a few times, minutes apart, so the account is not locked out.</source>
        <translation>このメールボックスがログオンに使用するユーザー名とパスワード、およびプロファイルの認証プロトコルを確認し、もう一度テストしてください。アカウントがロックアウトされないよう、再試行は数分の間隔をあけて数回だけ行われます。</translation>
    </message>
    <message>
        <source>Grant the account this mailbox logs on with full access to the mailbox in Exchange, then test again.</source>
        <translation>このメールボックスがログオンに使用するアカウントに、Exchange でメールボックスへのフル アクセス権を付与し、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>Check the user name and password on the mailbox&apos;s Credentials tab and the profile&apos;s authentication protocol, then test again. It is retried only a few times, minutes apart, so the account is not locked out.</source>
        <translation>メールボックスの [資格情報] タブのユーザー名とパスワード、およびプロファイルの認証プロトコルを確認し、もう一度テストしてください。アカウントがロックアウトされないよう、再試行は数分の間隔をあけて数回だけ行われます。</translation>
    </message>
    <message>
        <source>Check the user name and password in the email server profile&apos;s credentials and its authentication protocol, then test again. It is retried only a few times, minutes apart, so the account is not locked out.</source>
        <translation>電子メールサーバープロファイルの資格情報のユーザー名とパスワード、およびその認証プロトコルを確認し、もう一度テストしてください。アカウントがロックアウトされないよう、再試行は数分の間隔をあけて数回だけ行われます。</translation>
    </message>
    <message>
        <source>On the mailbox&apos;s Credentials tab, enter the user name and password of the mailbox&apos;s own account, then test again.</source>
        <translation>メールボックスの [資格情報] タブで、メールボックス自身のアカウントのユーザー名とパスワードを入力し、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>Grant the email server profile&apos;s account full access to the mailbox in Exchange, then test again.</source>
        <translation>電子メールサーバープロファイルのアカウントに、Exchange でメールボックスへのフル アクセス権を付与し、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>Give the email server profile&apos;s account the ApplicationImpersonation role in Exchange, then test again.</source>
        <translation>Exchange で電子メールサーバープロファイルのアカウントに ApplicationImpersonation ロールを付与し、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>Windows integrated authentication needs Windows (profile “{subject}”): it logs on as the Windows user who runs the app, and this computer does not run Windows.</source>
        <translation>Windows 統合認証には Windows が必要です (プロファイル「{subject}」)。アプリを実行している Windows ユーザーとしてログオンしますが、このコンピューターは Windows ではありません。</translation>
    </message>
    <message>
        <source>Run the app on Windows, or use credentials specified by the user or queue, or in the email server profile.</source>
        <translation>Windows でアプリを実行するか、ユーザーまたはキューで指定した資格情報、または電子メールサーバープロファイルで指定した資格情報を使用してください。</translation>
    </message>
    <message>
        <source>The email server profile “{subject}” uses Windows integrated authentication, which sends no password, with Basic authentication, which needs one.</source>
        <translation>電子メールサーバープロファイル「{subject}」は、パスワードを送信しない Windows 統合認証と、パスワードが必要な Basic 認証を組み合わせています。</translation>
    </message>
    <message>
        <source>Choose Auto detect, Negotiate or NTLM as the profile&apos;s authentication protocol.</source>
        <translation>プロファイルの [認証プロトコル] で [自動検出]、Negotiate、NTLM のいずれかを選択してください。</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: validation message</source>
        <translation>%1: 検証メッセージ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>FilterEditor</name>
    <message>
        <source>A record is synchronized when any active filter keeps it; a filter keeps the records that meet all of its conditions. “Equals current user” is this user.</source>
        <translation>有効なフィルターのいずれかに該当するレコードが同期されます。フィルターは、そのすべての条件を満たすレコードを対象にします。[現在のユーザーと等しい] はこのユーザーです。</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>取引先担当者</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Correct the conditions marked in red to see the preview.</source>
        <translation>赤で示した条件を修正すると、プレビューが表示されます。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>集計しています…</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>プレビューに失敗しました: %1</translation>
    </message>
    <message>
        <source>The active filters keep %1 of the %2 stored appointments.</source>
        <translation>有効なフィルターは、保存されている予定 %2 件のうち %1 件を同期対象にします。</translation>
    </message>
    <message>
        <source>The active filters keep %1 of the %2 stored contacts.</source>
        <translation>有効なフィルターは、保存されている取引先担当者 %2 件のうち %1 件を同期対象にします。</translation>
    </message>
    <message>
        <source>The active filters keep %1 of the %2 stored tasks.</source>
        <translation>有効なフィルターは、保存されているタスク %2 件のうち %1 件を同期対象にします。</translation>
    </message>
    <message>
        <source>Records already synchronized stay synchronized when a filter no longer keeps them.</source>
        <translation>同期済みのレコードは、フィルターの対象から外れても同期が続きます。</translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>最初の %1 件を表示しています。</translation>
    </message>
    <message>
        <source>&amp;Record type:</source>
        <translation>レコードの種類(&amp;R):</translation>
    </message>
</context>
<context>
    <name>FilterGroup</name>
    <message>
        <source>Filter name</source>
        <translation>フィルター名</translation>
    </message>
    <message>
        <source>Keeps the records that meet all of these conditions:</source>
        <translation>次のすべての条件を満たすレコードが対象です:</translation>
    </message>
    <message>
        <source>Ac&amp;tive</source>
        <translation>有効(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;move filter</source>
        <translation>フィルターを削除(&amp;M)</translation>
    </message>
    <message>
        <source>Add con&amp;dition</source>
        <translation>条件を追加(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FilterPage</name>
    <message>
        <source>or</source>
        <translation>または</translation>
    </message>
    <message>
        <source>Add &amp;filter</source>
        <translation>フィルターを追加(&amp;F)</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Modified on</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <source>All day event</source>
        <translation>終日イベント</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子メール</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>会社電話</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>携帯電話</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>達成率 (%)</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Choose a field.</source>
        <translation>フィールドを選択してください。</translation>
    </message>
    <message>
        <source>This operator cannot be used with this field: choose another one.</source>
        <translation>この演算子はこのフィールドには使えません。別の演算子を選択してください。</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>状態を選択してください。</translation>
    </message>
    <message>
        <source>Use at most {max} characters (now {count}).</source>
        <translation>{max} 文字以内で入力してください (現在 {count} 文字)。</translation>
    </message>
    <message>
        <source>Enter a value.</source>
        <translation>値を入力してください。</translation>
    </message>
    <message>
        <source>Choose Yes or No.</source>
        <translation>[はい] または [いいえ] を選択してください。</translation>
    </message>
    <message>
        <source>Enter a name for the filter.</source>
        <translation>フィルターの名前を入力してください。</translation>
    </message>
    <message>
        <source>Add at least one condition.</source>
        <translation>条件を 1 つ以上追加してください。</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD, or a date and time as YYYY-MM-DD HH:MM.</source>
        <translation>日付は YYYY-MM-DD、日時は YYYY-MM-DD HH:MM の形式で入力してください。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>整数を入力してください。</translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation>ユーザーを選択してください。</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy/MM/dd H:mm</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy/MM/dd H:mm:ss</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> · </source>
        <translation>&#x3000;</translation>
    </message>
</context>
<context>
    <name>HostsPage</name>
    <message>
        <source>Alive</source>
        <translation>稼働中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Its heartbeat is current.</source>
        <translation>ハートビートは最新です。</translation>
    </message>
    <message>
        <source>Stopped cleanly on %1; it released its leases.</source>
        <translation>%1 に正常に停止し、リースを解放しました。</translation>
    </message>
    <message>
        <source>No heartbeat for longer than the lease time: its leases expire and the other hosts take its work over.</source>
        <translation>リース時間を超えてハートビートがありません: リースは期限切れになり、ほかのホストが作業を引き継ぎます。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Leases held</source>
        <translation>保持リース数</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>最終ハートビート</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>%1 of %2 alive, read %3</source>
        <translation>%2 台中 %1 台が稼働中 (%3 に読み込み)</translation>
    </message>
    <message>
        <source>Engine hosts</source>
        <translation>エンジン ホスト</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <source>The engine hosts that synchronize the mailboxes of this shared database. A host that stops sending its heartbeat for longer than the lease time is lost: its leases expire, and the other hosts take its work over.</source>
        <translation>この共有データベースのメールボックスを同期するエンジン ホストです。リース時間を超えてハートビートを送信しなくなったホストは応答なしになります。そのリースは期限切れになり、ほかのホストが作業を引き継ぎます。</translation>
    </message>
    <message>
        <source>No engine host has registered on this database yet. Start one on a server with: python -m app --database URL run --host-name NAME</source>
        <translation>このデータベースに登録されたエンジン ホストはまだありません。サーバーで次のコマンドを実行して開始します: python -m app --database URL run --host-name NAME</translation>
    </message>
</context>
<context>
    <name>Incoming</name>
    <message>
        <source>other items {n}</source>
        <translation>その他のアイテム {n}</translation>
    </message>
    <message>
        <source>before process-from {n}</source>
        <translation>処理対象の日付より前 {n}</translation>
    </message>
    <message>
        <source>already linked {n}</source>
        <translation>リンク済み {n}</translation>
    </message>
    <message>
        <source>gone {n}</source>
        <translation>見つからない {n}</translation>
    </message>
    <message>
        <source>not tracked {n}</source>
        <translation>追跡対象外 {n}</translation>
    </message>
    <message>
        <source>stored {n}</source>
        <translation>保存 {n}</translation>
    </message>
    <message>
        <source>linked {n}</source>
        <translation>リンク {n}</translation>
    </message>
    <message>
        <source>moved to Undeliverable {n}</source>
        <translation>[配信不能] へ移動 {n}</translation>
    </message>
    <message>
        <source>failed {n}</source>
        <translation>失敗 {n}</translation>
    </message>
    <message>
        <source>An incoming email could not be processed. It was left in the Inbox.</source>
        <translation>受信メールを 1 件処理できませんでした。電子メールは受信トレイに残されています。</translation>
    </message>
    <message>
        <source>An incoming email could not be processed, nor moved to the Undeliverable folder. It was left in the Inbox.</source>
        <translation>受信メールを 1 件処理できず、[配信不能] フォルダーにも移動できませんでした。電子メールは受信トレイに残されています。</translation>
    </message>
    <message>
        <source>Look at the email in Outlook or Outlook Web App. To have such emails moved out of the Inbox automatically, set “Move failed emails to Undeliverable folder” in the email server profile.</source>
        <translation>Outlook または Outlook Web App で電子メールを確認してください。このような電子メールを受信トレイから自動的に移動するには、電子メールサーバープロファイルの [追加設定] タブで、失敗した電子メールを [配信不能] フォルダーに移動する設定をオンにしてください。</translation>
    </message>
    <message>
        <source>sync state was refused: read the Inbox from the start</source>
        <translation>同期状態が拒否されたため、受信トレイを最初から読み込みました</translation>
    </message>
    <message>
        <source>emails marked failed by a non-delivery report {n}</source>
        <translation>配信不能レポートにより失敗とした電子メール {n}</translation>
    </message>
</context>
<context>
    <name>ItemFailures</name>
    <message>
        <source>Exchange refused the item.</source>
        <translation>Exchange がアイテムを拒否しました。</translation>
    </message>
    <message>
        <source>Look at the item and the error; retry once the cause is fixed, or ignore the item.</source>
        <translation>アイテムとエラーを確認し、原因を解決してから再試行するか、アイテムを無視してください。</translation>
    </message>
    <message>
        <source>Exchange refuses appointments longer than five years.</source>
        <translation>Exchange は 5 年を超える予定を受け付けません。</translation>
    </message>
    <message>
        <source>Correct the appointment&apos;s start and end in the store, then retry.</source>
        <translation>ストアで予定の開始と終了を修正してから再試行してください。</translation>
    </message>
    <message>
        <source>The appointment ends before it starts.</source>
        <translation>予定の終了が開始より前になっています。</translation>
    </message>
    <message>
        <source>Exchange refused the email&apos;s recipients.</source>
        <translation>Exchange が電子メールの宛先を拒否しました。</translation>
    </message>
    <message>
        <source>Correct the email&apos;s To and Cc addresses, then retry.</source>
        <translation>電子メールの宛先と CC のアドレスを修正してから再試行してください。</translation>
    </message>
    <message>
        <source>The email is larger than Exchange allows.</source>
        <translation>電子メールが Exchange で許可されているサイズを超えています。</translation>
    </message>
    <message>
        <source>Make the email smaller (fewer or smaller attachments), then retry.</source>
        <translation>電子メールを小さくして (添付ファイルを減らすか小さくして) から再試行してください。</translation>
    </message>
    <message>
        <source>The mailbox is full.</source>
        <translation>メールボックスがいっぱいです。</translation>
    </message>
    <message>
        <source>Ask the Exchange administrator to raise the mailbox&apos;s quota, or free some space, then retry.</source>
        <translation>Exchange の管理者にメールボックスのクォータを増やすよう依頼するか、空き領域を作ってから再試行してください。</translation>
    </message>
    <message>
        <source>Exchange refused one of the item&apos;s values.</source>
        <translation>Exchange がアイテムの値の 1 つを拒否しました。</translation>
    </message>
    <message>
        <source>Check the record&apos;s fields against the error, correct them, then retry.</source>
        <translation>エラーを参考にレコードのフィールドを確認・修正してから再試行してください。</translation>
    </message>
    <message>
        <source>The item could not be stored on this computer.</source>
        <translation>アイテムをこのコンピューターに保存できませんでした。</translation>
    </message>
    <message>
        <source>Look at the error and the log; retry once the store can be written.</source>
        <translation>エラーとログを確認し、ストアに書き込めるようになってから再試行してください。</translation>
    </message>
</context>
<context>
    <name>ItemMonitoringPage</name>
    <message numerus="yes">
        <source>%n item(s) did not synchronize</source>
        <translation>
            <numerusform>同期されなかったアイテム: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Server&apos;s error: %1</source>
        <translation>サーバーのエラー: %1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>次の手順: %1</translation>
    </message>
    <message>
        <source>First failed on %1; attempts: %2</source>
        <translation>最初の失敗: %1、試行回数: %2</translation>
    </message>
    <message>
        <source>A retry was requested: the mailbox&apos;s next cycle tries the item again.</source>
        <translation>再試行が要求されています。メールボックスの次回の同期サイクルでアイテムをもう一度処理します。</translation>
    </message>
    <message numerus="yes">
        <source>Retry requested for %n item(s).</source>
        <translation>
            <numerusform>%n 件のアイテムの再試行を要求しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) ignored.</source>
        <translation>
            <numerusform>%n 件のアイテムを無視しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every email, appointment, contact or task that did not synchronize, and why. The engine tries appointments, contacts and tasks again in each cycle; Retry tries the selected items now, Ignore stops trying them.</source>
        <translation>同期されなかった電子メール、予定、取引先担当者、タスクとその理由です。予定、取引先担当者、タスクは同期サイクルごとに再試行されます。[再試行] を選択すると選択したアイテムを今すぐ再試行し、[無視] を選択すると再試行をやめます。</translation>
    </message>
    <message>
        <source>Search items</source>
        <translation>アイテムの検索</translation>
    </message>
    <message>
        <source>Try the selected items again in their mailbox&apos;s next cycle, started now</source>
        <translation>選択したアイテムを、今すぐ開始するメールボックスの次回の同期サイクルで再試行します</translation>
    </message>
    <message>
        <source>Hide the selected items; the engine stops trying them until they are retried</source>
        <translation>選択したアイテムを非表示にします。再試行するまで同期は試行されません</translation>
    </message>
    <message>
        <source>Items that did not synchronize</source>
        <translation>同期されなかったアイテム</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>選択したアイテム</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>無視(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Show ignored items</source>
        <translation>無視したアイテムを表示する(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Server type</source>
        <translation>サーバーの種類</translation>
    </message>
    <message>
        <source>Server location</source>
        <translation>サーバーの場所</translation>
    </message>
    <message>
        <source>Auto discover</source>
        <translation>自動検出</translation>
    </message>
    <message>
        <source>Authenticate using</source>
        <translation>認証方法</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Modified on</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子メール アドレス</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Email address approval</source>
        <translation>電子メールの承認</translation>
    </message>
    <message>
        <source>Server profile</source>
        <translation>サーバープロファイル</translation>
    </message>
    <message>
        <source>Incoming email</source>
        <translation>受信メール</translation>
    </message>
    <message>
        <source>Outgoing email</source>
        <translation>送信メール</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks</source>
        <translation>予定、取引先担当者、タスク</translation>
    </message>
    <message>
        <source>Incoming status</source>
        <translation>受信メールの状態</translation>
    </message>
    <message>
        <source>Outgoing status</source>
        <translation>送信メールの状態</translation>
    </message>
    <message>
        <source>Mailbox status</source>
        <translation>メールボックスの状態</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>ストリーミング</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>プル</translation>
    </message>
    <message>
        <source>Subscribing…</source>
        <translation>サブスクリプション作成中…</translation>
    </message>
    <message>
        <source>Polling until %1</source>
        <translation>%1 までポーリング</translation>
    </message>
    <message>
        <source>Shown once the synchronization engine has loaded.</source>
        <translation>同期エンジンの読み込み後に表示されます。</translation>
    </message>
    <message>
        <source>Exchange streams its changes over a held connection (impersonation): new mail is stored within seconds, and an idle cycle sends no request.</source>
        <translation>Exchange が変更を保持された接続でストリーミングします (偽装)。新しいメールは数秒以内に保存され、変更のないサイクルでは要求を送信しません。</translation>
    </message>
    <message>
        <source>A pull subscription: one GetEvents request per cycle, and its folders are read only when they changed (and every 12th cycle as a safety net).</source>
        <translation>プル サブスクリプション: サイクルごとに GetEvents 要求を 1 回送信し、フォルダーは変更があったときだけ読み取ります (安全のため 12 サイクルごとにも読み取ります)。</translation>
    </message>
    <message>
        <source>The subscription is being made; its folders are read on schedule meanwhile.</source>
        <translation>サブスクリプションを作成しています。その間、フォルダーはスケジュールどおり読み取られます。</translation>
    </message>
    <message>
        <source>Its subscription failed: its folders are read on schedule, as without notifications, and it is subscribed again at this time. The Information alert says why.</source>
        <translation>サブスクリプションが失敗しました。フォルダーは通知がない場合と同じくスケジュールどおり読み取られ、この日時にサブスクリプションが作成し直されます。理由は [情報] レベルの通知に記載されています。</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最終同期日時</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>次回の同期日時</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>変更通知</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>保持ホスト</translation>
    </message>
    <message>
        <source>The engine hosts synchronizing this mailbox now (their leases)</source>
        <translation>このメールボックスを現在同期しているエンジン ホスト (リースを保持)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>同期対象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成数</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新数</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>削除数</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非アクティブ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Primary email</source>
        <translation>プライマリ電子メール</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks status</source>
        <translation>予定、取引先担当者、タスクの状態</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未解決の通知</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (既定)</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>失敗中</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>最終テスト</translation>
    </message>
    <message>
        <source>The worst open alert: %1</source>
        <translation>未解決の通知のうち最も重大なもの: %1</translation>
    </message>
    <message>
        <source>Deactivated: not synchronized; its records stay.</source>
        <translation>非アクティブ: 同期されません。レコードは残ります。</translation>
    </message>
    <message>
        <source>Its owner is deactivated: not synchronized; its records stay.</source>
        <translation>所有者が非アクティブです: 同期されません。レコードは残ります。</translation>
    </message>
    <message>
        <source>The worst status of its incoming email, outgoing email and appointments, contacts and tasks</source>
        <translation>受信メール、送信メール、予定、取引先担当者、タスクの状態のうち最も悪いもの</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Server&apos;s error</source>
        <translation>サーバーのエラー</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次の手順</translation>
    </message>
    <message>
        <source>Failed on</source>
        <translation>失敗日時</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>アイテム数</translation>
    </message>
    <message>
        <source>Longest cycle (s)</source>
        <translation>最長の同期サイクル (秒)</translation>
    </message>
    <message>
        <source>Failed cycles</source>
        <translation>失敗した同期サイクル</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Debug</source>
        <translation>デバッグ</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>スレッド</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>すべてのレベル</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>情報以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告とエラー</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>Log file: %1. Older lines are in the numbered files beside it (Open the log folder).</source>
        <translation>ログ ファイル: %1。古い行は同じフォルダーの番号付きファイルにあります ([ログ フォルダーを開く])。</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>ログ フォルダーを開く</translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is %1</source>
        <translation>ログ フォルダーを開けませんでした。フォルダーの場所: %1</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>ログを検索</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>The selected line in full</source>
        <translation>選択した行の全文</translation>
    </message>
    <message>
        <source>Select a line to see all of it (a traceback, a crash report).</source>
        <translation>行を選択すると、その全文 (トレースバック、エラー レポート) が表示されます。</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>レベル(&amp;L)</translation>
    </message>
    <message>
        <source>Follow &amp;new lines</source>
        <translation>新しい行を表示し続ける(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open the log folder</source>
        <translation>ログ フォルダーを開く(&amp;O)</translation>
    </message>
</context>
<context>
    <name>MailboxEditor</name>
    <message>
        <source>(choose a user or queue)</source>
        <translation>(ユーザーまたはキューを選択)</translation>
    </message>
    <message>
        <source>%1 (queue)</source>
        <translation>%1 (キュー)</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(プロファイルなし)</translation>
    </message>
    <message>
        <source>Stored in the credential store; type to replace it</source>
        <translation>資格情報ストアに保存済み (入力すると置き換えます)</translation>
    </message>
    <message>
        <source>New mailbox</source>
        <translation>新規メールボックス</translation>
    </message>
    <message>
        <source>Mailbox: %1</source>
        <translation>メールボックス: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>The mailbox was not saved</source>
        <translation>メールボックスは保存されませんでした</translation>
    </message>
    <message>
        <source>The password could not be stored.</source>
        <translation>パスワードを保存できませんでした。</translation>
    </message>
    <message>
        <source>Nothing to synchronize: the mailbox must be approved and have a workload enabled with server-side synchronization (Test &amp; Enable).</source>
        <translation>同期するものがありません。メールボックスが承認済みで、サーバー側同期の同期対象が有効 ([メールボックスのテストを有効化]) になっている必要があります。</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>テキスト ファイル (*.txt)</translation>
    </message>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルに書き込めませんでした。</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Synchronization method</source>
        <translation>同期方法</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>資格情報</translation>
    </message>
    <message>
        <source>Configuration test results</source>
        <translation>構成テストの結果</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>同期履歴</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <source>Test &amp;&amp; Enable runs</source>
        <translation>メールボックスのテストを有効化 の実行履歴</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>A record changed in the store and in Exchange since the last synchronization: the owner&apos;s conflict policy decided which version was kept.</source>
        <translation>前回の同期以降、レコードがストアと Exchange の両方で変更されました。所有者の競合の解決方法に従って、残すバージョンが決まりました。</translation>
    </message>
    <message>
        <source>Both versions of the selected conflict</source>
        <translation>選択した競合の両方のバージョン</translation>
    </message>
    <message>
        <source>Select a conflict to see both versions.</source>
        <translation>競合を選択すると、両方のバージョンが表示されます。</translation>
    </message>
    <message>
        <source>Save mailbox details</source>
        <translation>メールボックスの詳細の保存</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>予定なし</translation>
    </message>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
    <message>
        <source>Save the new mailbox first.</source>
        <translation>先に新規メールボックスを上書き保存してください。</translation>
    </message>
    <message>
        <source>The email address is already approved.</source>
        <translation>電子メール アドレスは既に承認されています。</translation>
    </message>
    <message>
        <source>Saved: mailbox “%1”.</source>
        <translation>上書き保存しました: メールボックス「%1」</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Email address</source>
        <translation>電子メール アドレス(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Owner (user or queue)</source>
        <translation>所有者 (ユーザーまたはキュー)(&amp;O)</translation>
    </message>
    <message>
        <source>Email address a&amp;pproval</source>
        <translation>電子メールの承認(&amp;P)</translation>
    </message>
    <message>
        <source>De&amp;lete emails after processing (queues only)</source>
        <translation>処理後に電子メールを削除する (キューのみ)(&amp;L)</translation>
    </message>
    <message>
        <source>Server &amp;profile</source>
        <translation>サーバープロファイル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Incoming email</source>
        <translation>受信メール(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Outgoing email</source>
        <translation>送信メール(&amp;O)</translation>
    </message>
    <message>
        <source>Appointments, co&amp;ntacts and tasks</source>
        <translation>予定、取引先担当者、タスク(&amp;N)</translation>
    </message>
    <message>
        <source>Allow the use of cr&amp;edentials for email processing</source>
        <translation>電子メール処理での資格情報の使用を許可する(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>パスワード(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Incoming email status</source>
        <translation>受信メールの状態(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Outgoing email status</source>
        <translation>送信メールの状態(&amp;O)</translation>
    </message>
    <message>
        <source>Appointments, contacts and tas&amp;ks status</source>
        <translation>予定、取引先担当者、タスクの状態(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Mailbox status</source>
        <translation>メールボックスの状態(&amp;M)</translation>
    </message>
    <message>
        <source>Test completed o&amp;n</source>
        <translation>テスト完了日時(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Enabled for incoming email</source>
        <translation>受信メールで有効(&amp;E)</translation>
    </message>
    <message>
        <source>Enabled for outgoin&amp;g email</source>
        <translation>送信メールで有効(&amp;G)</translation>
    </message>
    <message>
        <source>Ena&amp;bled for appointments, contacts and tasks</source>
        <translation>予定、取引先担当者、タスクで有効(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Last successful sync</source>
        <translation>最終同期成功日時(&amp;L)</translation>
    </message>
    <message>
        <source>Last sync e&amp;rror</source>
        <translation>最後の同期エラー(&amp;R)</translation>
    </message>
    <message>
        <source>Ne&amp;xt scheduled sync</source>
        <translation>次回の同期予定(&amp;X)</translation>
    </message>
    <message>
        <source>Transient &amp;failures</source>
        <translation>一時的な失敗の回数(&amp;F)</translation>
    </message>
    <message>
        <source>Test &amp;&amp; Enable r&amp;uns</source>
        <translation>メールボックスのテストを有効化 の実行履歴(&amp;U)</translation>
    </message>
    <message>
        <source>O&amp;pen report</source>
        <translation>レポートを開く(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Approve email</source>
        <translation>電子メールの承認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Test &amp;&amp; Enable mailbox</source>
        <translation>メールボックスのテストを有効化(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>今すぐ同期(&amp;Y)</translation>
    </message>
    <message>
        <source>Save mailbox &amp;details…</source>
        <translation>メールボックスの詳細を保存(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MailboxFiguresDialog</name>
    <message>
        <source>Mailboxes behind the figure</source>
        <translation>この数値の対象メールボックス</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Open mailbox</source>
        <translation>メールボックスを開く</translation>
    </message>
    <message>
        <source>%1, %2–%3: %4 mailbox(es)</source>
        <translation>%1、%2–%3: メールボックス %4 件</translation>
    </message>
</context>
<context>
    <name>MailboxHistory</name>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Failed step</source>
        <translation>失敗したステップ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>終日</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子メール</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>会社電話</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>携帯電話</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>% complete</source>
        <translation>達成率 (%)</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Kept the store&apos;s version; Exchange updated</source>
        <translation>ストアのバージョンを残し、Exchange を更新しました</translation>
    </message>
    <message>
        <source>Kept Exchange&apos;s version; the store updated</source>
        <translation>Exchange のバージョンを残し、ストアを更新しました</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>ストア</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>(deleted since, #%1)</source>
        <translation>(その後削除済み、#%1)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>レコードの種類</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Conflict policy</source>
        <translation>競合の解決方法</translation>
    </message>
    <message>
        <source>Version kept</source>
        <translation>残したバージョン</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>相違点</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 “%2”, %3</source>
        <translation>%1「%2」、%3</translation>
    </message>
    <message>
        <source>Conflict policy: %1</source>
        <translation>競合の解決方法: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>結果: %1</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>ストア: %1</translation>
    </message>
    <message>
        <source>Exchange: %1</source>
        <translation>Exchange: %1</translation>
    </message>
    <message>
        <source>Double-click a run to open its report.</source>
        <translation>実行をダブルクリックすると、そのレポートが開きます。</translation>
    </message>
    <message>
        <source>No Test &amp; Enable run of this mailbox is stored yet.</source>
        <translation>このメールボックスの [メールボックスのテストを有効化] の実行履歴はまだありません。</translation>
    </message>
</context>
<context>
    <name>MailboxesPage</name>
    <message>
        <source>All mailboxes</source>
        <translation>すべてのメールボックス</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>失敗中</translation>
    </message>
    <message>
        <source>Failing: the last test failed or a failure is being retried. The other states are the dashboard&apos;s, each mailbox in one: Pending approval, then Disabled (deactivated, address rejected, or nothing set to server-side synchronization), then Error, Warning, Never tested (no Test &amp; Enable yet) and Success.</source>
        <translation>失敗中: 前回のテストが失敗したか、失敗の再試行中です。その他の状態はダッシュボードと同じで、各メールボックスはいずれか 1 つに入ります。承認待ち、無効 (非アクティブ化、アドレスの拒否、またはサーバー側同期に設定された同期対象なし)、エラー、警告、未テスト ([メールボックスのテストを有効化] が未実行)、成功の順に判定します。</translation>
    </message>
    <message>
        <source>All three</source>
        <translation>3 つすべて</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Approve email</source>
        <translation>電子メールの承認</translation>
    </message>
    <message>
        <source>Test &amp;&amp; Enable</source>
        <translation>メールボックスのテストを有効化</translation>
    </message>
    <message>
        <source>Test &amp; Enable the selected mailboxes</source>
        <translation>選択したメールボックスのテストを有効化します</translation>
    </message>
    <message>
        <source>Enable sync</source>
        <translation>同期を有効化</translation>
    </message>
    <message>
        <source>Set the workload to server-side synchronization; Test &amp; Enable then enables it</source>
        <translation>同期対象をサーバー側同期に設定します。[メールボックスのテストを有効化] で有効になります</translation>
    </message>
    <message>
        <source>Disable sync</source>
        <translation>同期を無効化</translation>
    </message>
    <message>
        <source>Set the workload&apos;s synchronization to None</source>
        <translation>同期対象の同期方法を [なし] に設定します</translation>
    </message>
    <message>
        <source>Move to profile…</source>
        <translation>プロファイルの変更…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>非アクティブ化</translation>
    </message>
    <message>
        <source>Not synchronized; its records stay</source>
        <translation>同期されなくなります。レコードは残ります</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>アクティブ化</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Selected mailboxes</source>
        <translation>選択したメールボックス</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing was changed:</source>
        <translation>何も変更されませんでした:</translation>
    </message>
    <message>
        <source>Email approved for mailboxes: %1.</source>
        <translation>電子メールを承認したメールボックス: %1 件。</translation>
    </message>
    <message>
        <source>Server-side synchronization set for mailboxes: %1. Test &amp; Enable them to start synchronizing.</source>
        <translation>サーバー側同期を設定したメールボックス: %1 件。同期を開始するには [メールボックスのテストを有効化] を実行してください。</translation>
    </message>
    <message>
        <source>Synchronization turned off for mailboxes: %1.</source>
        <translation>同期を無効にしたメールボックス: %1 件。</translation>
    </message>
    <message>
        <source>Move these mailboxes to another email server profile:</source>
        <translation>これらのメールボックスを別の電子メールサーバープロファイルに移動します:</translation>
    </message>
    <message>
        <source>Move this mailbox to another email server profile:</source>
        <translation>このメールボックスを別の電子メールサーバープロファイルに移動します:</translation>
    </message>
    <message>
        <source>Move to profile</source>
        <translation>プロファイルの変更</translation>
    </message>
    <message>
        <source>Mailboxes moved: %1. Test &amp; Enable them with their new profile.</source>
        <translation>移動したメールボックス: %1 件。新しいプロファイルで [メールボックスのテストを有効化] を実行してください。</translation>
    </message>
    <message>
        <source>Mailboxes activated: %1.</source>
        <translation>アクティブ化したメールボックス: %1 件。</translation>
    </message>
    <message>
        <source>Mailboxes deactivated: %1. They are not synchronized; their records stay.</source>
        <translation>非アクティブ化したメールボックス: %1 件。同期されなくなりますが、レコードは残ります。</translation>
    </message>
    <message>
        <source>Delete these mailboxes?</source>
        <translation>これらのメールボックスを削除しますか?</translation>
    </message>
    <message>
        <source>Delete this mailbox?</source>
        <translation>このメールボックスを削除しますか?</translation>
    </message>
    <message>
        <source>Their synchronized emails, appointments, contacts and tasks are kept in the store, unlinked: they are no longer synchronized with Exchange. Their test results, sync history and alerts are deleted, and their passwords are removed from the credential store. Nothing is deleted in Exchange.</source>
        <translation>同期済みの電子メール、予定、取引先担当者、タスクはストアに残り、メールボックスとのリンクが解除されます。以後 Exchange とは同期されません。テスト結果、同期履歴、通知は削除され、パスワードは資格情報ストアから削除されます。Exchange では何も削除されません。</translation>
    </message>
    <message>
        <source>Delete mailboxes</source>
        <translation>メールボックスの削除</translation>
    </message>
    <message>
        <source>Delete mailbox</source>
        <translation>メールボックスの削除</translation>
    </message>
    <message>
        <source>Nothing was deleted: a password could not be removed.</source>
        <translation>何も削除されませんでした。パスワードを削除できませんでした。</translation>
    </message>
    <message>
        <source>Mailboxes deleted: %1. Their records are kept.</source>
        <translation>削除したメールボックス: %1 件。レコードは残っています。</translation>
    </message>
    <message>
        <source>Re-test failed mailboxes</source>
        <translation>失敗したメールボックスを再テスト</translation>
    </message>
    <message>
        <source>Test &amp; Enable again every mailbox whose last test failed (%1)? Each test sends a test message to the mailbox.</source>
        <translation>最後のテストが失敗したすべてのメールボックス (%1 件) で [メールボックスのテストを有効化] をもう一度実行しますか? テストごとに、メールボックスにテスト メッセージが送信されます。</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Search mailboxes</source>
        <translation>メールボックスを検索</translation>
    </message>
    <message>
        <source>Test &amp; Enable again every mailbox whose last test failed.</source>
        <translation>最後のテストが失敗したすべてのメールボックスで [メールボックスのテストを有効化] をもう一度実行します。</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>移動(&amp;M)</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>表示(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;New mailbox</source>
        <translation>新規メールボックス(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Re-test failed mailboxes</source>
        <translation>失敗したメールボックスを再テスト(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Opening the data file…</source>
        <translation>データ ファイルを開いています…</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>デモ(&amp;D)</translation>
    </message>
    <message>
        <source>Demo &amp;accounts…</source>
        <translation>デモ アカウント(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Change the password of a demo account…</source>
        <translation>デモ アカウントのパスワードの変更(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Simulate a fault…</source>
        <translation>障害のシミュレーション(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;End faults</source>
        <translation>障害を終了(&amp;E)</translation>
    </message>
    <message>
        <source>Demo clock: times run in seconds instead of minutes</source>
        <translation>デモ時計: 時間を分ではなく秒で進めます</translation>
    </message>
    <message>
        <source>Retry and synchronization intervals count in seconds instead of minutes, so that the demo shows a failure&apos;s Warning, retries and Error in about a minute.</source>
        <translation>再試行と同期の間隔を分ではなく秒で数えます。失敗の警告、再試行、エラーまでを約 1 分で確認できます。</translation>
    </message>
    <message>
        <source>The password of %1 was changed on the demo server; the mailbox still has the old one until you type the new one on its Credentials tab.</source>
        <translation>デモ サーバーで %1 のパスワードを変更しました。メールボックスの [資格情報] タブで新しいパスワードを入力するまで、メールボックスには古いパスワードが残ります。</translation>
    </message>
    <message>
        <source>Faults ended: %1</source>
        <translation>終了した障害: %1 件</translation>
    </message>
    <message>
        <source>Import email server profile</source>
        <translation>電子メールサーバープロファイルのインポート</translation>
    </message>
    <message>
        <source>Profile files (*.json)</source>
        <translation>プロファイル ファイル (*.json)</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>このファイルはインポートできません。</translation>
    </message>
    <message>
        <source>Test &amp; Enable mailboxes: %1 of %2 passed</source>
        <translation>メールボックスのテストを有効化: %2 件中 %1 件が合格</translation>
    </message>
    <message>
        <source>Test of %1: %2</source>
        <translation>%1 のテスト: %2</translation>
    </message>
    <message>
        <source>Save or discard the changes in the open windows, then quit again.</source>
        <translation>開いているウィンドウの変更を保存するか破棄してから、もう一度終了してください。</translation>
    </message>
    <message>
        <source>Server-Side Sync Manager</source>
        <translation>サーバー側同期マネージャー</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <source>Email server profiles</source>
        <translation>電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Notification banner</source>
        <translation>通知バナー</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>Exchange profile…</source>
        <translation>Exchange プロファイル…</translation>
    </message>
    <message>
        <source>Mailbox…</source>
        <translation>メールボックス…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Demo mode: loopback Exchange server at %1</source>
        <translation>デモモード: ループバック Exchange サーバー %1</translation>
    </message>
    <message>
        <source>Loading the dashboard…</source>
        <translation>ダッシュボードを読み込んでいます…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>設定を保存しました。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Users &amp; queues</source>
        <translation>ユーザーとキュー</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <source>Show alert</source>
        <translation>通知を表示</translation>
    </message>
    <message>
        <source>Dismi&amp;ss</source>
        <translation>閉じる(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot start</source>
        <translation>起動できません</translation>
    </message>
    <message>
        <source>Your changes are lost if you discard them.</source>
        <translation>破棄すると、変更内容は失われます。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MoveToProfileDialog</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>ほか %1 件</translation>
    </message>
    <message>
        <source>There is no other email server profile: create one first.</source>
        <translation>ほかに電子メールサーバープロファイルがありません。先に作成してください。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Move to another email server profile</source>
        <translation>別の電子メールサーバープロファイルへの移動</translation>
    </message>
    <message>
        <source>Email server profile</source>
        <translation>電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>検証メッセージ</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Email server &amp;profile:</source>
        <translation>電子メールサーバープロファイル(&amp;P):</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Nothing needs to be done: the subscription is made again later. If this alert keeps coming, check that Exchange allows notifications (EWS subscriptions) for the account the mailbox logs on with.</source>
        <translation>対処は不要です。サブスクリプションは後で作成し直されます。この通知が繰り返される場合は、メールボックスがログオンに使用するアカウントに対して、Exchange が通知 (EWS サブスクリプション) を許可していることを確認してください。</translation>
    </message>
    <message>
        <source>Exchange&apos;s streaming notifications stopped for this mailbox. It is synchronized on its schedule, by polling, until its subscription works again; nothing is lost meanwhile.</source>
        <translation>このメールボックスで Exchange のストリーミング通知が停止しました。サブスクリプションが再び機能するまで、このメールボックスはスケジュールどおりポーリングで同期されます。その間も失われるものはありません。</translation>
    </message>
    <message>
        <source>Exchange&apos;s pull notifications stopped for this mailbox. It is synchronized on its schedule, by polling, until its subscription works again; nothing is lost meanwhile.</source>
        <translation>このメールボックスで Exchange のプル通知が停止しました。サブスクリプションが再び機能するまで、このメールボックスはスケジュールどおりポーリングで同期されます。その間も失われるものはありません。</translation>
    </message>
</context>
<context>
    <name>Outgoing</name>
    <message>
        <source>An email could not be sent: Exchange refused it.</source>
        <translation>電子メールを送信できませんでした。Exchange に拒否されました。</translation>
    </message>
    <message>
        <source>Check the email&apos;s addresses and content, then send it again.</source>
        <translation>電子メールのアドレスと内容を確認してから、もう一度送信してください。</translation>
    </message>
    <message>
        <source>An email could not be sent: Exchange refused its recipients.</source>
        <translation>電子メールを送信できませんでした。Exchange に受信者が拒否されました。</translation>
    </message>
    <message>
        <source>Correct the email&apos;s To and Cc addresses and send it again.</source>
        <translation>電子メールの宛先と CC のアドレスを修正して、もう一度送信してください。</translation>
    </message>
    <message>
        <source>An email could not be sent: it is larger than Exchange allows.</source>
        <translation>電子メールを送信できませんでした。Exchange で許可されているサイズを超えています。</translation>
    </message>
    <message>
        <source>Make the email smaller (fewer or smaller attachments) and send it again.</source>
        <translation>電子メールを小さくして (添付ファイルを減らすか小さくして)、もう一度送信してください。</translation>
    </message>
    <message>
        <source>An email could not be sent: Exchange does not let the account send as this mailbox.</source>
        <translation>電子メールを送信できませんでした: Exchange は、このアカウントがこのメールボックスとして送信することを許可していません。</translation>
    </message>
    <message>
        <source>Give the account Send As permission on the mailbox in Exchange, then retry the email.</source>
        <translation>Exchange でこのアカウントにメールボックスの「送信者」アクセス許可を与えてから、電子メールを再試行してください。</translation>
    </message>
    <message>
        <source>sent {sent}, already sent {already}, failed {failed}, held while another try may be under way {held}</source>
        <translation>送信 {sent}、送信済み {already}、失敗 {failed}、別の送信が進行中の可能性があるため保留 {held}</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>New user</source>
        <translation>新しいユーザー</translation>
    </message>
    <message>
        <source>New queue</source>
        <translation>新しいキュー</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>ユーザー: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>キュー: %1</translation>
    </message>
    <message>
        <source>Its mailbox moves to the new address, whose approval goes back to Pending approval: approve it on the mailbox before it is synchronized again.</source>
        <translation>メールボックスも新しいアドレスに変わり、電子メールの承認は [承認待ち] に戻ります。再び同期する前に、メールボックスで承認してください。</translation>
    </message>
    <message>
        <source>A mailbox is created with it, without an email server profile: no default profile is set. Choose one on the mailbox&apos;s Synchronization method tab.</source>
        <translation>メールボックスも作成されますが、既定のプロファイルが設定されていないため、電子メールサーバープロファイルはありません。メールボックスの [同期方法] タブで選択してください。</translation>
    </message>
    <message>
        <source>A mailbox is created with it, with the default email server profile “%1”.</source>
        <translation>既定の電子メールサーバープロファイル「%1」のメールボックスも作成されます。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>Primary &amp;email</source>
        <translation>プライマリ電子メール(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete emails after processing</source>
        <translation>処理後に電子メールを削除する(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ProfileAdditional</name>
    <message>
        <source>&amp;Move failed emails to Undeliverable folder</source>
        <translation>失敗した電子メールを [配信不能] フォルダーに移動(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Process email from</source>
        <translation>処理対象の日付(&amp;P)</translation>
    </message>
    <message>
        <source>M&amp;aximum concurrent connections</source>
        <translation>同時接続の最大数(&amp;A)</translation>
    </message>
    <message>
        <source>M&amp;inimum polling interval (minutes)</source>
        <translation>最小ポーリング間隔 (分)(&amp;I)</translation>
    </message>
    <message>
        <source>Time&amp;out for a mailbox connection (seconds)</source>
        <translation>メールボックス接続のタイムアウト (秒)(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;lert owner when most mailboxes fail</source>
        <translation>ほとんどのメールボックスが失敗したら所有者に通知する(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ProfileAdvanced</name>
    <message>
        <source>Optional: PEM file of your internal certificate authority</source>
        <translation>省略可: 社内証明機関の PEM ファイル</translation>
    </message>
    <message>
        <source>&amp;Incoming port</source>
        <translation>受信ポート(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Use SSL</source>
        <translation>SSL を使用する(&amp;U)</translation>
    </message>
    <message>
        <source>Authentication &amp;protocol</source>
        <translation>認証プロトコル(&amp;P)</translation>
    </message>
    <message>
        <source>T&amp;rusted CA certificate</source>
        <translation>信頼する CA 証明書(&amp;R)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>ProfileCredentials</name>
    <message>
        <source>Outgoing connection</source>
        <translation>送信接続</translation>
    </message>
    <message>
        <source>Authenticate &amp;incoming connections using</source>
        <translation>受信接続の認証方法(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>パスワード(&amp;W)</translation>
    </message>
    <message>
        <source>Use i&amp;mpersonation</source>
        <translation>偽装を使用する(&amp;M)</translation>
    </message>
    <message>
        <source>Use same settin&amp;gs for outgoing connection as incoming</source>
        <translation>送信接続で受信接続と同じ設定を使用する(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Outgoing server location</source>
        <translation>送信サーバーの場所(&amp;O)</translation>
    </message>
    <message>
        <source>Aut&amp;henticate outgoing connections using</source>
        <translation>送信接続の認証方法(&amp;H)</translation>
    </message>
    <message>
        <source>Us&amp;er name</source>
        <translation>ユーザー名(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;assword</source>
        <translation>パスワード(&amp;A)</translation>
    </message>
    <message>
        <source>Authentication &amp;protocol</source>
        <translation>認証プロトコル(&amp;P)</translation>
    </message>
    <message>
        <source>Outgoing po&amp;rt</source>
        <translation>送信ポート(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Stored in the credential store; type to replace it</source>
        <translation>資格情報ストアに保存済み (入力すると置き換えます)</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>信頼する CA 証明書</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM 証明書 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>資格情報</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Additional settings</source>
        <translation>追加設定</translation>
    </message>
    <message>
        <source>Email server profile: %1</source>
        <translation>電子メールサーバープロファイル: %1</translation>
    </message>
    <message>
        <source>The profile was not saved</source>
        <translation>プロファイルは保存されませんでした</translation>
    </message>
    <message>
        <source>The password could not be stored.</source>
        <translation>パスワードを保存できませんでした。</translation>
    </message>
    <message>
        <source>Export email server profile</source>
        <translation>電子メールサーバープロファイルのエクスポート</translation>
    </message>
    <message>
        <source>Profile files (*.json)</source>
        <translation>プロファイル ファイル (*.json)</translation>
    </message>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルに書き込めませんでした。</translation>
    </message>
    <message>
        <source>Test &amp; Enable mailboxes</source>
        <translation>メールボックスのテストを有効化</translation>
    </message>
    <message numerus="yes">
        <source>This will run the test on all the mailboxes associated with this email server profile (%n mailbox(es)). Mailboxes that pass are enabled for server-side synchronization.</source>
        <translation>
            <numerusform>この電子メールサーバープロファイルに関連付けられたメールボックス全て (%n 件) に対してテストを実行します。テストに合格したメールボックスはサーバー側同期で有効になります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Email server profile</source>
        <translation>電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Mailboxes of this profile</source>
        <translation>このプロファイルのメールボックス</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
    <message>
        <source>No mailbox uses this email server profile.</source>
        <translation>この電子メールサーバープロファイルを使用するメールボックスはありません。</translation>
    </message>
    <message>
        <source>Saved: email server profile “%1”.</source>
        <translation>上書き保存しました: 電子メールサーバープロファイル「%1」</translation>
    </message>
    <message>
        <source>&amp;Test &amp;&amp; Enable mailboxes</source>
        <translation>メールボックスのテストを有効化(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ProfileLocation</name>
    <message>
        <source>Na&amp;me</source>
        <translation>名前(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>説明(&amp;D)</translation>
    </message>
    <message>
        <source>Server t&amp;ype</source>
        <translation>サーバーの種類(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Auto discover server location</source>
        <translation>サーバーの場所の自動検出(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Incoming server location (Exchange Web Services address)</source>
        <translation>受信サーバーの場所 (Exchange Web サービスアドレス)(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ProfileWizard</name>
    <message>
        <source>New Exchange profile</source>
        <translation>新規 Exchange プロファイル</translation>
    </message>
    <message>
        <source>Server location</source>
        <translation>サーバーの場所</translation>
    </message>
    <message>
        <source>Name the profile and say where the Exchange server is.</source>
        <translation>プロファイルの名前と Exchange サーバーの場所を指定します。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>資格情報</translation>
    </message>
    <message>
        <source>How incoming and outgoing connections authenticate.</source>
        <translation>受信接続と送信接続の認証方法を指定します。</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Port, SSL, authentication protocol and certificate.</source>
        <translation>ポート、SSL、認証プロトコル、証明書を指定します。</translation>
    </message>
    <message>
        <source>Additional settings</source>
        <translation>追加設定</translation>
    </message>
    <message>
        <source>Which email is processed and how hard the server is polled.</source>
        <translation>処理する電子メールと、サーバーへのポーリングの頻度を指定します。</translation>
    </message>
    <message>
        <source>The profile was not saved</source>
        <translation>プロファイルは保存されませんでした</translation>
    </message>
    <message>
        <source>The password could not be stored.</source>
        <translation>パスワードを保存できませんでした。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>既定に設定</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Delete email server profile</source>
        <translation>電子メールサーバープロファイルの削除</translation>
    </message>
    <message>
        <source>Delete the email server profile %1? Its passwords are removed from the credential store.</source>
        <translation>電子メールサーバープロファイル %1 を削除しますか? パスワードは資格情報ストアから削除されます。</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>プロファイルの削除</translation>
    </message>
    <message>
        <source>The email server profile %1 is used by the mailboxes below. It can be deleted only after they move to another profile: choose it, then click Move and delete.</source>
        <translation>電子メールサーバープロファイル %1 は次のメールボックスで使用されています。削除するには、これらを別のプロファイルに移動する必要があります。移動先を選択して [移動して削除] をクリックしてください。</translation>
    </message>
    <message>
        <source>The profile is used by these mailboxes: %1</source>
        <translation>このプロファイルは次のメールボックスで使用されています: %1</translation>
    </message>
    <message>
        <source>The mailboxes could not be moved.</source>
        <translation>メールボックスを移動できませんでした。</translation>
    </message>
    <message>
        <source>The profile&apos;s passwords could not be removed.</source>
        <translation>プロファイルのパスワードを削除できませんでした。</translation>
    </message>
    <message>
        <source>The email server profile %1 is saved. Next: add mailboxes to it, then test and enable them.</source>
        <translation>電子メールサーバープロファイル %1 を保存しました。次に、メールボックスを追加してから、[メールボックスのテストを有効化] を実行してください。</translation>
    </message>
    <message>
        <source>The profile has no mailboxes yet: add mailboxes first.</source>
        <translation>このプロファイルにはまだメールボックスがありません。先にメールボックスを追加してください。</translation>
    </message>
    <message>
        <source>Email server profiles</source>
        <translation>電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>Search profiles</source>
        <translation>プロファイルを検索</translation>
    </message>
    <message>
        <source>New mailboxes get the default email server profile.</source>
        <translation>新規メールボックスには既定の電子メールサーバープロファイルが設定されます。</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>次の手順</translation>
    </message>
    <message>
        <source>Add mailboxes to this profile</source>
        <translation>このプロファイルにメールボックスを追加</translation>
    </message>
    <message>
        <source>Test &amp;&amp; Enable mailboxes</source>
        <translation>メールボックスのテストを有効化</translation>
    </message>
    <message>
        <source>No email server profile yet</source>
        <translation>電子メールサーバープロファイルがまだありません</translation>
    </message>
    <message>
        <source>An email server profile says where your Exchange server is and how to connect to it. Every mailbox is synchronized through one. Next step: create an email server profile; then add mailboxes to it and test and enable them.</source>
        <translation>電子メールサーバープロファイルには、Exchange サーバーの場所と接続方法を設定します。すべてのメールボックスはプロファイルを通じて同期されます。次の手順: 電子メールサーバープロファイルを作成し、メールボックスを追加して、[メールボックスのテストを有効化] を実行します。</translation>
    </message>
    <message>
        <source>&amp;Move and delete</source>
        <translation>移動して削除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;New Exchange profile</source>
        <translation>新規 Exchange プロファイル(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Make default</source>
        <translation>既定に設定(&amp;M)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>削除(&amp;L)…</translation>
    </message>
    <message>
        <source>Dismi&amp;ss</source>
        <translation>閉じる(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Create an email server profile</source>
        <translation>電子メールサーバープロファイルの作成(&amp;C)</translation>
    </message>
    <message>
        <source>Import a &amp;profile…</source>
        <translation>プロファイルのインポート(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>RankedBars</name>
    <message>
        <source>No failures in this period</source>
        <translation>この期間に失敗はありません</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Warnings: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Click to open the mailbox</source>
        <translation>クリックするとメールボックスを開きます</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
    <message>
        <source>Wait for the synchronization to end.</source>
        <translation>同期が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <source>This record was deleted meanwhile (here, or in Exchange and then here).</source>
        <translation>このレコードはその間に削除されました (ここで、または Exchange で削除された後にここで)。</translation>
    </message>
    <message>
        <source>Synchronizing with Exchange…</source>
        <translation>Exchange と同期しています…</translation>
    </message>
    <message>
        <source>The synchronization failed (%1): see the mailbox&apos;s alerts.</source>
        <translation>同期に失敗しました (%1)。メールボックスの通知を確認してください。</translation>
    </message>
    <message>
        <source>Not synchronized</source>
        <translation>同期されていません</translation>
    </message>
    <message>
        <source>Delete “%1”? Its item in Exchange is deleted too, with the next cycle.</source>
        <translation>「%1」を削除しますか? Exchange のアイテムも次の同期で削除されます。</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>「%1」を削除しますか?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>the store&apos;s version kept</source>
        <translation>ストアのバージョンを保持</translation>
    </message>
    <message>
        <source>Exchange&apos;s version kept</source>
        <translation>Exchange のバージョンを保持</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>競合: %1</translation>
    </message>
    <message>
        <source>Save it to keep it here; its owner&apos;s mailbox then takes it to Exchange.</source>
        <translation>上書き保存するとここに保存され、所有者のメールボックスが Exchange に同期します。</translation>
    </message>
    <message>
        <source>In Exchange as it is here (synchronized %1).</source>
        <translation>Exchange にもここと同じ内容であります (同期 %1)。</translation>
    </message>
    <message>
        <source>Goes to Exchange with the next cycle of the mailbox “%1”, or now with Save and sync now.</source>
        <translation>メールボックス「%1」の次の同期で Exchange に送られます。[上書き保存して今すぐ同期] ですぐに同期することもできます。</translation>
    </message>
    <message>
        <source>It changed here and in Exchange since the last synchronization; the conflict policy decided which version to keep. Show conflict says why, with both versions.</source>
        <translation>前回の同期の後、ここと Exchange の両方で変更されました。どちらのバージョンを保持するかは競合の解決方法で決まりました。[競合を表示] で理由と両方のバージョンを確認できます。</translation>
    </message>
    <message>
        <source>Its item was deleted in Exchange: the record is kept here and no longer synchronized.</source>
        <translation>Exchange でアイテムが削除されました。このレコードはここに保持され、今後は同期されません。</translation>
    </message>
    <message>
        <source>Its owner has no mailbox that synchronizes appointments, contacts and tasks: it stays here.</source>
        <translation>所有者に予定、取引先担当者、タスクを同期するメールボックスがないため、このレコードはここにだけ保存されます。</translation>
    </message>
    <message>
        <source>Its owner&apos;s synchronization filters do not select it: it stays here.</source>
        <translation>所有者の同期フィルターの対象外のため、このレコードはここにだけ保存されます。</translation>
    </message>
</context>
<context>
    <name>RecordsList</name>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>開始日(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>終了日(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>フィルターをクリア(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;how conflict</source>
        <translation>競合を表示(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Rows shown</source>
        <translation>表示されている行</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) so far…</source>
        <translation>
            <numerusform>%n 行 (読み込み中)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete “%1”? If it is in Exchange, its item there is deleted with the next cycle.</source>
        <translation>「%1」を削除しますか? Exchange にある場合、そのアイテムも次の同期で削除されます。</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>store&apos;s version kept</source>
        <translation>ストアのバージョンを保持</translation>
    </message>
    <message>
        <source>Exchange&apos;s version kept</source>
        <translation>Exchange のバージョンを保持</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>競合: %1</translation>
    </message>
    <message>
        <source>(all day)</source>
        <translation>(終日)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Tracking token</source>
        <translation>追跡トークン</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子メール</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>会社電話</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>% complete</source>
        <translation>達成率 (%)</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>同期対象</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Email status</source>
        <translation>電子メールの状態</translation>
    </message>
    <message>
        <source>All mailboxes</source>
        <translation>すべてのメールボックス</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>すべての所有者</translation>
    </message>
    <message>
        <source>%1 (queue)</source>
        <translation>%1 (キュー)</translation>
    </message>
    <message>
        <source>Incoming and outgoing</source>
        <translation>受信と送信</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Any state in Exchange</source>
        <translation>Exchange でのすべての状態</translation>
    </message>
    <message>
        <source>Not in sync (pending)</source>
        <translation>未同期 (保留中)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>&amp;Starts from</source>
        <translation>開始日(&amp;S)</translation>
    </message>
    <message>
        <source>D&amp;ue from</source>
        <translation>期限(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New email…</source>
        <translation>新規電子メール(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;New appointment…</source>
        <translation>新規予定(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>新規取引先担当者(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;New task…</source>
        <translation>新規タスク(&amp;N)…</translation>
    </message>
    <message>
        <source>Search subject, addresses, tracking token</source>
        <translation>件名、アドレス、追跡トークンを検索</translation>
    </message>
    <message>
        <source>Search subject, location, category</source>
        <translation>件名、場所、分類を検索</translation>
    </message>
    <message>
        <source>Search names, email, company, phone</source>
        <translation>名前、電子メール、会社名、電話番号を検索</translation>
    </message>
    <message>
        <source>Search subject</source>
        <translation>件名を検索</translation>
    </message>
    <message>
        <source>Search reason, subject, details</source>
        <translation>理由、件名、詳細を検索</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>失敗の理由</translation>
    </message>
    <message>
        <source>Exchange&apos;s reason: %1</source>
        <translation>Exchange が示した理由: %1</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>取引先担当者</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Undeliverable or failed email</source>
        <translation>配信不能または失敗した電子メール</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Test report: %1</source>
        <translation>テストレポート: %1</translation>
    </message>
    <message>
        <source>Save test report</source>
        <translation>テストレポートの保存</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>テキスト ファイル (*.txt)</translation>
    </message>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルに書き込めませんでした。</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>テストレポート</translation>
    </message>
    <message>
        <source>Test steps</source>
        <translation>テストの手順</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>手順</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>すべて展開</translation>
    </message>
    <message>
        <source>Open the Credentials tab</source>
        <translation>[資格情報] タブを開く</translation>
    </message>
    <message>
        <source>Set incoming email, outgoing email or appointments, contacts and tasks to server-side synchronization on the mailbox&apos;s Synchronization method tab, then test again.</source>
        <translation>メールボックスの [同期方法] タブで、受信メール、送信メール、予定、取引先担当者、タスクのいずれかをサーバー側同期に設定し、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1 (所要時間 %2)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Every step passed. Enabled: %1.</source>
        <translation>すべての手順に合格しました。有効になった同期対象: %1。</translation>
    </message>
    <message>
        <source>No workload of this mailbox uses server-side synchronization: nothing was tested.</source>
        <translation>このメールボックスにはサーバー側同期を使用する同期対象がないため、何もテストしていません。</translation>
    </message>
    <message>
        <source>Not enabled: %1.</source>
        <translation>有効にならなかった同期対象: %1。</translation>
    </message>
    <message>
        <source>Enabled: %1.</source>
        <translation>有効になった同期対象: %1。</translation>
    </message>
    <message>
        <source>A step failed.</source>
        <translation>手順が失敗しました。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>結果:</translation>
    </message>
    <message>
        <source>Failed step:</source>
        <translation>失敗した手順:</translation>
    </message>
    <message>
        <source>Failed step</source>
        <translation>失敗した手順</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>次の手順:</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次の手順</translation>
    </message>
    <message>
        <source>Tested:</source>
        <translation>テスト日時:</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>テスト日時</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技術的な詳細</translation>
    </message>
    <message>
        <source>&amp;Test again</source>
        <translation>もう一度テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Co&amp;py to clipboard</source>
        <translation>クリップボードにコピー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save as text…</source>
        <translation>テキストとして保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open the General tab</source>
        <translation>[全般] タブを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open the Synchronization method tab</source>
        <translation>[同期方法] タブを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open the Credentials tab</source>
        <translation>[資格情報] タブを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open the Configuration test results tab</source>
        <translation>[構成テストの結果] タブを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open the profile</source>
        <translation>電子メールサーバープロファイルを開く(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Test &amp; Enable report</source>
        <translation>[メールボックスのテストを有効化] の結果レポート</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>次の手順: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子メール アドレス</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Email address approval</source>
        <translation>電子メールの承認</translation>
    </message>
    <message>
        <source>Server profile</source>
        <translation>サーバープロファイル</translation>
    </message>
    <message>
        <source>Incoming email</source>
        <translation>受信メール</translation>
    </message>
    <message>
        <source>Outgoing email</source>
        <translation>送信メール</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks</source>
        <translation>予定、取引先担当者、タスク</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>stored in the credential store</source>
        <translation>資格情報ストアに保存済み</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Incoming email status</source>
        <translation>受信メールの状態</translation>
    </message>
    <message>
        <source>Outgoing email status</source>
        <translation>送信メールの状態</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks status</source>
        <translation>予定、取引先担当者、タスクの状態</translation>
    </message>
    <message>
        <source>Mailbox status</source>
        <translation>メールボックスの状態</translation>
    </message>
    <message>
        <source>Test completed on</source>
        <translation>テスト完了日時</translation>
    </message>
    <message>
        <source>Enabled for incoming email</source>
        <translation>受信メールで有効</translation>
    </message>
    <message>
        <source>Enabled for outgoing email</source>
        <translation>送信メールで有効</translation>
    </message>
    <message>
        <source>Enabled for appointments, contacts and tasks</source>
        <translation>予定、取引先担当者、タスクで有効</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>最終同期成功日時</translation>
    </message>
    <message>
        <source>Last sync error</source>
        <translation>最後の同期エラー</translation>
    </message>
    <message>
        <source>Next scheduled sync</source>
        <translation>次回の同期予定</translation>
    </message>
    <message>
        <source>Transient failures</source>
        <translation>一時的な失敗の回数</translation>
    </message>
    <message>
        <source>Mailbox details</source>
        <translation>メールボックスの詳細</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>スレッド</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>ログ ファイル</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Unexpected error report</source>
        <translation>予期しないエラーのレポート</translation>
    </message>
    <message>
        <source>Allow the use of credentials for email processing</source>
        <translation>電子メール処理での資格情報の使用を許可する</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>(choose a mailbox)</source>
        <translation>(メールボックスを選択)</translation>
    </message>
    <message>
        <source>A tracked email&apos;s subject ends with a token such as %1; answers that carry it are tracked.</source>
        <translation>追跡対象の電子メールの件名の末尾には %1 のようなトークンが付きます。このトークンを含む返信は追跡されます。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更があります</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>設定は保存されませんでした</translation>
    </message>
    <message>
        <source>Saved. The language changes the next time the app starts; everything else applies now.</source>
        <translation>保存しました。言語は次回アプリを起動したときに切り替わります。その他の設定はすぐに適用されます。</translation>
    </message>
    <message>
        <source>Saved. The settings apply now.</source>
        <translation>保存しました。設定はすぐに適用されます。</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>システム設定</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>検証メッセージ</translation>
    </message>
    <message>
        <source>At most one notification per mailbox every 10 minutes.</source>
        <translation>トースト通知は、1 つのメールボックスにつき 10 分に 1 回までです。</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>セキュリティ</translation>
    </message>
    <message>
        <source>Passwords then cross the network unencrypted. Only while this is on can a profile with “Use SSL” off be saved and connect.</source>
        <translation>オンにすると、パスワードが暗号化されずにネットワークを流れます。「SSL を使用する」がオフのプロファイルは、この設定がオンの間だけ保存と接続ができます。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Takes effect the next time the app starts.</source>
        <translation>次回アプリを起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Default email server profile</source>
        <translation>既定の電子メールサーバープロファイル</translation>
    </message>
    <message>
        <source>New mailboxes start with this profile.</source>
        <translation>新規メールボックスには、最初にこのプロファイルが設定されます。</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子メール</translation>
    </message>
    <message>
        <source>Send alert emails through</source>
        <translation>通知メールの送信元</translation>
    </message>
    <message>
        <source>Each new alert of a mailbox is emailed to its owner, once, by the outgoing email of this mailbox. Alerts about this mailbox itself are not emailed.</source>
        <translation>メールボックスの新しい通知は、このメールボックスの送信メールで、所有者に 1 回だけ電子メールで送られます。このメールボックス自体の通知は送られません。</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Logon retries are at least 5 minutes apart; at most 3, so that Active Directory does not lock the account out.</source>
        <translation>ログオンの再試行は 5 分以上の間隔を空けて最大 3 回までです。Active Directory でアカウントがロックアウトされないようにするためです。</translation>
    </message>
    <message>
        <source>Item monitoring</source>
        <translation>アイテムの監視</translation>
    </message>
    <message>
        <source>An email, appointment, contact or task that did not synchronize is listed on the Dashboard&apos;s Item monitoring tab this many days after its last failure.</source>
        <translation>同期されなかった電子メール、予定、取引先担当者、タスクは、最後の失敗からこの日数の間、[ダッシュボード] の [アイテムの監視] タブに表示されます。</translation>
    </message>
    <message>
        <source>Windows only: the app is started at login by Windows, from the same setting as the installer&apos;s “Start at login”.</source>
        <translation>Windows のみ: ログイン時のアプリの起動は Windows が行います。インストーラーの [ログイン時に起動する] と同じ設定です。</translation>
    </message>
    <message>
        <source>The Windows setting cannot be read: %1</source>
        <translation>Windows の設定を読み取れません: %1</translation>
    </message>
    <message>
        <source>Opens the app when you sign in to Windows. The installer&apos;s “Start at login” is the same setting.</source>
        <translation>Windows にサインインしたときにアプリを開きます。インストーラーの [ログイン時に起動する] と同じ設定です。</translation>
    </message>
    <message>
        <source>Start at login: %1</source>
        <translation>ログイン時に起動する: %1</translation>
    </message>
    <message>
        <source>Nothing has changed since the settings were saved.</source>
        <translation>上書き保存した後、設定は変更されていません。</translation>
    </message>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
    <message>
        <source>&amp;Error</source>
        <translation>エラー(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Warning</source>
        <translation>警告(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Information</source>
        <translation>情報(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Notify each new Error</source>
        <translation>新しいエラーごとに通知する(&amp;N)</translation>
    </message>
    <message>
        <source>Notify each new Warnin&amp;g</source>
        <translation>新しい警告ごとに通知する(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Allow credentials over non-SSL connections</source>
        <translation>SSL 以外での資格情報の使用を許可する(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Default email server &amp;profile</source>
        <translation>既定の電子メールサーバープロファイル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tracking token prefix</source>
        <translation>追跡トークンのプレフィックス(&amp;T)</translation>
    </message>
    <message>
        <source>Notify the mailbox &amp;owner by email</source>
        <translation>メールボックスの所有者に電子メールで通知する(&amp;O)</translation>
    </message>
    <message>
        <source>Send alert emails t&amp;hrough</source>
        <translation>通知メールの送信元(&amp;H)</translation>
    </message>
    <message>
        <source>Transient fail&amp;ures before an Error</source>
        <translation>エラーにするまでの一時的な失敗の回数(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Back-off before a retry (minutes)</source>
        <translation>再試行までの待機時間 (分)(&amp;B)</translation>
    </message>
    <message>
        <source>Logon &amp;retries after a refused password</source>
        <translation>パスワード拒否後のログオン再試行回数(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>元に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep failed items (days)</source>
        <translation>失敗したアイテムの保持期間 (日)(&amp;K)</translation>
    </message>
    <message>
        <source>Start auto&amp;matically at login</source>
        <translation>ログイン時に自動的に起動する(&amp;M)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Alert levels re&amp;corded</source>
        <translation>記録する通知のレベル(&amp;C)</translation>
    </message>
    <message>
        <source>Tra&amp;y notifications</source>
        <translation>トースト通知(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>StackedHourlyBars</name>
    <message>
        <source>Nothing in this period</source>
        <translation>この期間にはデータがありません</translation>
    </message>
    <message>
        <source>Click to see the mailboxes</source>
        <translation>クリックするとメールボックスを表示します</translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <source>The data file is not a Server-Side Sync Manager data file.</source>
        <translation>このデータ ファイルはサーバー側同期マネージャーのデータ ファイルではありません。</translation>
    </message>
    <message>
        <source>The data file is damaged.</source>
        <translation>データ ファイルが破損しています。</translation>
    </message>
    <message>
        <source>The data file is not a file: something else is in its place.</source>
        <translation>データ ファイルがファイルではありません。別のもの (フォルダーなど) がその場所にあります。</translation>
    </message>
    <message>
        <source>The data file has an impossible schema: it is damaged or was not written by this app.</source>
        <translation>データ ファイルのスキーマが不正です。破損しているか、このアプリで作成されたファイルではありません。</translation>
    </message>
    <message>
        <source>The data file was written by a newer version of the app.</source>
        <translation>データ ファイルは、このアプリの新しいバージョンで書き込まれています。</translation>
    </message>
    <message>
        <source>The data file cannot be written.</source>
        <translation>データ ファイルに書き込めません。</translation>
    </message>
    <message>
        <source>The data file is busy: another program holds it.</source>
        <translation>データ ファイルは使用中です。別のプログラムがファイルを保持しています。</translation>
    </message>
    <message>
        <source>Close the other program (another copy of the app, a backup tool or a database browser), then try again.</source>
        <translation>別のプログラム (このアプリの別のコピー、バックアップ ツール、データベース ブラウザーなど) を閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Give your account write access to the file and its folder (or free disk space), then try again.</source>
        <translation>ご使用のアカウントにファイルとそのフォルダーへの書き込み権限を与えるか (またはディスクの空き領域を確保して)、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Restore the last automatic backup, taken %1? The current file is kept beside it, renamed.</source>
        <translation>%1 に作成された最新の自動バックアップを復元しますか? 現在のファイルは名前を変更して同じ場所に保存されます。</translation>
    </message>
    <message>
        <source>There is no automatic backup to restore. Move the file away to start with an empty store, or restore a copy of your own with “python -m app store restore --from FILE”.</source>
        <translation>復元できる自動バックアップがありません。ファイルを別の場所に移動して空のデータで開始するか、「python -m app store restore --from FILE」でお手持ちのコピーを復元してください。</translation>
    </message>
    <message>
        <source>The data file cannot be used</source>
        <translation>データ ファイルを使用できません</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>詳細: %1</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>バックアップを復元</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>バックアップを復元できませんでした: %1</translation>
    </message>
    <message>
        <source>The data file was damaged and has been restored from the backup %1. The damaged file is kept as %2.</source>
        <translation>データ ファイルが破損していたため、バックアップ %1 から復元しました。破損したファイルは %2 として保存されています。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>バックアップを復元しました</translation>
    </message>
    <message>
        <source>Logging is off</source>
        <translation>ログが記録されていません</translation>
    </message>
    <message>
        <source>The log folder %1 cannot be written, so this session keeps no log file. The app works normally; give your account write access to that folder to get the log back.</source>
        <translation>ログ フォルダー %1 に書き込めないため、このセッションではログ ファイルが作成されません。アプリは通常どおり動作します。ログを記録するには、ご使用のアカウントにこのフォルダーへの書き込み権限を与えてください。</translation>
    </message>
    <message>
        <source>The shared database cannot be reached.</source>
        <translation>共有データベースに接続できません。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>to store {n}</source>
        <translation>ストアへ {n}</translation>
    </message>
    <message>
        <source>to exchange {n}</source>
        <translation>Exchange へ {n}</translation>
    </message>
    <message>
        <source>linked {n}</source>
        <translation>リンク {n}</translation>
    </message>
    <message>
        <source>unlinked {n}</source>
        <translation>リンク解除 {n}</translation>
    </message>
    <message>
        <source>deleted {n}</source>
        <translation>削除 {n}</translation>
    </message>
    <message>
        <source>conflicts {n}</source>
        <translation>競合 {n}</translation>
    </message>
    <message>
        <source>failed {n}</source>
        <translation>失敗 {n}</translation>
    </message>
    <message>
        <source>duplicates held {n}</source>
        <translation>修復待ちで保留した重複 {n}</translation>
    </message>
    <message>
        <source>the mailbox is not owned by a user: no appointments, contacts or tasks to synchronize</source>
        <translation>メールボックスの所有者がユーザーではないため、同期する予定、取引先担当者、タスクはありません</translation>
    </message>
    <message>
        <source>Not run: the logon was refused; waiting for the scheduled retry.</source>
        <translation>未実行: ログオンが拒否されたため、予定された再試行を待っています。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Synchronizing %1 and %2 more…</source>
        <translation>%1 ほか %2 件を同期しています…</translation>
    </message>
    <message>
        <source>Synchronizing %1…</source>
        <translation>%1 を同期しています…</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>同期を一時停止中</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source>Task: %1</source>
        <translation>タスク: %1</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新規タスク</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>検証メッセージ</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>所有者(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>件名(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tart date</source>
        <translation>開始日(&amp;T)</translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation>期限(&amp;U)</translation>
    </message>
    <message>
        <source>% com&amp;plete</source>
        <translation>達成率 (%)(&amp;P)</translation>
    </message>
    <message>
        <source>Co&amp;mpleted</source>
        <translation>完了(&amp;M)</translation>
    </message>
    <message>
        <source>Descr&amp;iption</source>
        <translation>説明(&amp;I)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Synchronization state</source>
        <translation>同期の状態</translation>
    </message>
    <message>
        <source>S&amp;how conflict…</source>
        <translation>競合を表示(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>上書き保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save and sync &amp;now</source>
        <translation>上書き保存して今すぐ同期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Nothing scheduled</source>
        <translation>予定はありません</translation>
    </message>
    <message>
        <source>Click to open the mailbox</source>
        <translation>クリックするとメールボックスを開きます</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>同期を一時停止</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Server-Side Sync Manager</source>
        <translation>サーバー側同期マネージャー</translation>
    </message>
    <message>
        <source>All mailboxes are fine</source>
        <translation>すべてのメールボックスは正常です</translation>
    </message>
    <message>
        <source>Some mailboxes have warnings</source>
        <translation>警告のあるメールボックスがあります</translation>
    </message>
    <message>
        <source>Some mailboxes have errors</source>
        <translation>エラーのあるメールボックスがあります</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>同期を再開</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>実行中です</translation>
    </message>
    <message>
        <source>Server-Side Sync Manager keeps synchronizing in the notification area. Use Quit in its menu to end it.</source>
        <translation>サーバー側同期マネージャーは通知領域で同期を続けます。終了するにはメニューの [終了] を使用してください。</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesGuard</name>
    <message>
        <source>Save the changes before closing?</source>
        <translation>閉じる前に変更内容を上書き保存しますか?</translation>
    </message>
</context>
<context>
    <name>UserOptionsDialog</name>
    <message>
        <source>Personal options: %1</source>
        <translation>個人用オプション: %1</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… ほか %1 件。</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>取引先担当者</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(名前なし)</translation>
    </message>
    <message>
        <source>%1, filter “%2”: %3</source>
        <translation>%1、フィルター「%2」: %3</translation>
    </message>
    <message>
        <source>%1, filter “%2”, condition %4: %3</source>
        <translation>%1、フィルター「%2」、条件 %4: %3</translation>
    </message>
    <message>
        <source>Personal options</source>
        <translation>個人用オプション</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子メール</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>追跡</translation>
    </message>
    <message>
        <source>Select the incoming email messages of this user&apos;s mailboxes that are tracked (stored).</source>
        <translation>このユーザーのメールボックスの受信メールのうち、追跡 (保存) する電子メール メッセージを選択します。</translation>
    </message>
    <message>
        <source>A response carries the tracking token in its subject (for example CRM:0001234), answers a tracked message or continues its conversation. Known senders are contacts, accounts and leads; records that are email enabled are any record with that email address.</source>
        <translation>返信とは、件名に追跡トークン (例: CRM:0001234) があるメッセージ、追跡対象のメッセージへの返信、またはその会話の続きです。既知の送信者とは取引先担当者、取引先企業、潜在顧客です。電子メールが有効なレコードとは、その電子メール アドレスを持つすべてのレコードです。</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>When a record changed both in the store and in Exchange since the last synchronization, this decides which change is kept. Every conflict is logged.</source>
        <translation>前回の同期以降にレコードがストアと Exchange の両方で変更された場合に、どちらの変更を残すかを指定します。競合はすべて記録されます。</translation>
    </message>
    <message>
        <source>Synchronization filters</source>
        <translation>同期フィルター</translation>
    </message>
    <message>
        <source>Appointments, contacts and tasks are synchronized with this user&apos;s mailbox when one of the user&apos;s active filters keeps them. By default, the user&apos;s own active records.</source>
        <translation>予定、取引先担当者、タスクは、このユーザーの有効なフィルターのいずれかに該当するとき、このユーザーのメールボックスと同期されます。既定では、自分が所有するアクティブなレコードが対象です。</translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation>予定(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>取引先担当者(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>タスク(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Filters…</source>
        <translation>フィルター(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users and queues</source>
        <translation>ユーザーとキュー</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>キュー</translation>
    </message>
    <message>
        <source>No default email server profile is set: new users and queues get a mailbox without a profile. Choose one on each mailbox, or set the default in the system settings.</source>
        <translation>既定の電子メールサーバープロファイルが設定されていません。新しいユーザーとキューのメールボックスにはプロファイルがありません。メールボックスごとに選択するか、システム設定で既定のプロファイルを設定してください。</translation>
    </message>
    <message>
        <source>New users and queues get a mailbox with the default email server profile “%1”.</source>
        <translation>新しいユーザーとキューには、既定の電子メールサーバープロファイル「%1」のメールボックスが作成されます。</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>アクティブ化</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>非アクティブ化</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>キュー</translation>
    </message>
    <message>
        <source>The %1 and its mailbox were created; the mailbox has the email server profile “%2”. Open the mailbox now to approve its email address and enter its credentials?</source>
        <translation>%1とそのメールボックスを作成しました。メールボックスの電子メールサーバープロファイルは「%2」です。今すぐメールボックスを開いて、電子メール アドレスを承認し、資格情報を入力しますか?</translation>
    </message>
    <message>
        <source>The %1 and its mailbox were created, without an email server profile: no default profile is set. Open the mailbox now to choose a profile, approve its email address and enter its credentials?</source>
        <translation>%1とそのメールボックスを作成しました。既定のプロファイルが設定されていないため、電子メールサーバープロファイルはありません。今すぐメールボックスを開いて、プロファイルを選択し、電子メール アドレスを承認し、資格情報を入力しますか?</translation>
    </message>
    <message>
        <source>Mailbox created</source>
        <translation>メールボックスを作成しました</translation>
    </message>
    <message>
        <source>Deactivate “%1”? Its mailbox is no longer synchronized. Its mailbox, emails, appointments, contacts and tasks are kept, and Activate starts the synchronization again.</source>
        <translation>「%1」を非アクティブ化しますか? メールボックスは同期されなくなります。メールボックス、電子メール、予定、取引先担当者、タスクはそのまま残り、[アクティブ化] で同期が再開されます。</translation>
    </message>
    <message>
        <source>Activate “%1”? Its mailbox is synchronized again as its settings say.</source>
        <translation>「%1」をアクティブ化しますか? メールボックスは設定どおりに再び同期されます。</translation>
    </message>
    <message>
        <source>Import users and queues</source>
        <translation>ユーザーとキューのインポート</translation>
    </message>
    <message>
        <source>Imported %1 users and queues, each with its mailbox.</source>
        <translation>%1 件のユーザーとキューを、それぞれのメールボックスとともにインポートしました。</translation>
    </message>
    <message>
        <source>Users &amp; queues</source>
        <translation>ユーザーとキュー</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Search users and queues</source>
        <translation>ユーザーとキューを検索</translation>
    </message>
    <message>
        <source>Profile of new mailboxes</source>
        <translation>新規メールボックスのプロファイル</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>アクティブ化(&amp;T)</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>非アクティブ化(&amp;T)</translation>
    </message>
    <message>
        <source>New &amp;user…</source>
        <translation>新しいユーザー(&amp;U)…</translation>
    </message>
    <message>
        <source>New &amp;queue…</source>
        <translation>新しいキュー(&amp;Q)…</translation>
    </message>
    <message>
        <source>Add from &amp;address book…</source>
        <translation>アドレス帳から追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation>CSV からインポート(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;mailbox</source>
        <translation>メールボックスを開く(&amp;M)</translation>
    </message>
    <message>
        <source>Personal &amp;options…</source>
        <translation>個人用オプション(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>An email address cannot contain spaces.</source>
        <translation>電子メール アドレスに空白は使用できません。</translation>
    </message>
    <message>
        <source>An email address needs exactly one @, as in name@contoso.com.</source>
        <translation>電子メール アドレスには name@contoso.com のように @ を 1 つだけ含めてください。</translation>
    </message>
    <message>
        <source>An email address can have at most {max} characters.</source>
        <translation>電子メール アドレスは {max} 文字以内で入力してください。</translation>
    </message>
    <message>
        <source>The part before @ is not valid in an email address.</source>
        <translation>@ より前の部分が電子メール アドレスとして正しくありません。</translation>
    </message>
    <message>
        <source>The part after @ must be a domain name, as in contoso.com.</source>
        <translation>@ より後の部分は contoso.com のようなドメイン名にしてください。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>この項目は必須です。</translation>
    </message>
    <message>
        <source>Use at most {max} characters (now {count}).</source>
        <translation>{max} 文字以内で入力してください (現在 {count} 文字)。</translation>
    </message>
    <message>
        <source>Enter a whole number from {low} to {high}.</source>
        <translation>{low} から {high} までの整数を入力してください。</translation>
    </message>
    <message>
        <source>Enter the Exchange Web Services address, as in {example}.</source>
        <translation>{example} のように Exchange Web サービスアドレスを入力してください。</translation>
    </message>
    <message>
        <source>The address cannot contain spaces.</source>
        <translation>アドレスに空白は使用できません。</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, as in {example}.</source>
        <translation>{example} のように https:// から始まる完全なアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address; enter credentials in their own fields.</source>
        <translation>アドレスにユーザー名やパスワードを含めないでください。資格情報はそれぞれの欄に入力します。</translation>
    </message>
    <message>
        <source>The address has no server name.</source>
        <translation>アドレスにサーバー名がありません。</translation>
    </message>
    <message>
        <source>The address has an invalid port number.</source>
        <translation>アドレスのポート番号が正しくありません。</translation>
    </message>
    <message>
        <source>The address starts with http:// but “Use SSL” is on. Use an https:// address, or turn SSL off.</source>
        <translation>アドレスが http:// で始まっていますが [SSL を使用する] がオンです。https:// のアドレスを使用するか、[SSL を使用する] をオフにしてください。</translation>
    </message>
    <message>
        <source>The address starts with https:// but “Use SSL” is off. Turn SSL on, or use an http:// address.</source>
        <translation>アドレスが https:// で始まっていますが [SSL を使用する] がオフです。[SSL を使用する] をオンにするか、http:// のアドレスを使用してください。</translation>
    </message>
    <message>
        <source>Another email server profile is already named “{name}”.</source>
        <translation>「{name}」という名前の電子メールサーバープロファイルは既にあります。</translation>
    </message>
    <message>
        <source>Impersonation acts for every mailbox with the profile&apos;s credentials: choose “Credentials specified in email server profile” to use it.</source>
        <translation>偽装ではプロファイルの資格情報ですべてのメールボックスを代理します。使用するには [電子メールサーバープロファイルで指定した資格情報] を選択してください。</translation>
    </message>
    <message>
        <source>Without SSL, passwords would cross the network unencrypted. Keep SSL on, or first allow credentials over non-secure channels in System Settings.</source>
        <translation>SSL を使用しないと、パスワードが暗号化されずにネットワークを流れます。SSL をオンのままにするか、先にシステム設定でセキュリティ保護されていないチャネルでの資格情報の使用を許可してください。</translation>
    </message>
    <message>
        <source>The certificate file “{path}” does not exist.</source>
        <translation>証明書ファイル「{path}」が見つかりません。</translation>
    </message>
    <message>
        <source>Choose the date from which email is processed.</source>
        <translation>処理対象の日付を選択してください。</translation>
    </message>
    <message>
        <source>Choose the user or queue that owns this mailbox.</source>
        <translation>このメールボックスを所有するユーザーまたはキューを選択してください。</translation>
    </message>
    <message>
        <source>Choose an email server profile: server-side synchronization needs one.</source>
        <translation>電子メールサーバープロファイルを選択してください。サーバー側同期には必要です。</translation>
    </message>
    <message>
        <source>Only a queue&apos;s mailbox can delete emails after processing.</source>
        <translation>処理後に電子メールを削除できるのはキューのメールボックスだけです。</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8 or Shift_JIS: save it as CSV UTF-8 and try again.</source>
        <translation>ファイルが UTF-8 または Shift_JIS のテキストではありません。[CSV UTF-8] 形式で保存して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The file is empty: its first line names the columns, as in {header}.</source>
        <translation>ファイルが空です。1 行目には {header} のように列名を書きます。</translation>
    </message>
    <message>
        <source>The first line must name the columns {required}; it lacks {missing}.</source>
        <translation>1 行目には列 {required} の名前が必要です。{missing} がありません。</translation>
    </message>
    <message>
        <source>Unknown column {columns}: the columns are {known}.</source>
        <translation>不明な列 {columns} があります。使える列は {known} です。</translation>
    </message>
    <message>
        <source>The file has no users or queues under its first line.</source>
        <translation>ファイルの 1 行目の後にユーザーもキューもありません。</translation>
    </message>
    <message>
        <source>{email} is already the address of “{holder}”: each user, queue and mailbox needs its own.</source>
        <translation>{email} は既に「{holder}」のアドレスです。ユーザー、キュー、メールボックスごとに別のアドレスが必要です。</translation>
    </message>
    <message>
        <source>The kind must be user or queue, not “{value}”.</source>
        <translation>kind は「{value}」ではなく、user (ユーザー) または queue (キュー) にしてください。</translation>
    </message>
    <message>
        <source>delete_after_processing must be yes or no, not “{value}”.</source>
        <translation>delete_after_processing は「{value}」ではなく、yes または no にしてください。</translation>
    </message>
    <message>
        <source>{email} is also on line {line}: each address once.</source>
        <translation>{email} は {line} 行目にもあります。各アドレスは 1 回だけにしてください。</translation>
    </message>
    <message>
        <source>The line has {count} values, the first line names {columns} columns.</source>
        <translation>この行には値が {count} 個ありますが、1 行目の列は {columns} 個です。</translation>
    </message>
    <message>
        <source>Use at most {max} addresses.</source>
        <translation>アドレスは {max} 個までにしてください。</translation>
    </message>
    <message>
        <source>Choose a mailbox whose outgoing email is enabled.</source>
        <translation>送信メールが有効なメールボックスを選択してください。</translation>
    </message>
    <message>
        <source>Choose the user who owns the record.</source>
        <translation>レコードを所有するユーザーを選択してください。</translation>
    </message>
    <message>
        <source>Enter when the appointment starts.</source>
        <translation>予定の開始日時を入力してください。</translation>
    </message>
    <message>
        <source>Enter when the appointment ends.</source>
        <translation>予定の終了日時を入力してください。</translation>
    </message>
    <message>
        <source>Enter a first name or a last name.</source>
        <translation>名または姓を入力してください。</translation>
    </message>
    <message>
        <source>The due date cannot be before the start date.</source>
        <translation>期限を開始日より前にすることはできません。</translation>
    </message>
    <message>
        <source>Enter at least one email address.</source>
        <translation>電子メール アドレスを 1 つ以上入力してください。</translation>
    </message>
    <message>
        <source>Not a valid email address: {address}</source>
        <translation>有効な電子メール アドレスではありません: {address}</translation>
    </message>
    <message>
        <source>The last day cannot be before the first day.</source>
        <translation>終了日を開始日より前にすることはできません。</translation>
    </message>
    <message>
        <source>The end cannot be before the start.</source>
        <translation>終了を開始より前にすることはできません。</translation>
    </message>
    <message>
        <source>Enter an email address.</source>
        <translation>電子メール アドレスを入力してください。</translation>
    </message>
    <message>
        <source>Enter the user name the profile connects with.</source>
        <translation>プロファイルが接続に使用するユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the password of the profile&apos;s user.</source>
        <translation>プロファイルのユーザーのパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The profile uses the credentials of each user or queue: allow this mailbox&apos;s credentials to be used for email processing.</source>
        <translation>プロファイルはユーザーまたはキューごとの資格情報を使用します。このメールボックスの [電子メール処理での資格情報の使用を許可する] をオンにしてください。</translation>
    </message>
    <message>
        <source>Enter the user name this mailbox connects with.</source>
        <translation>このメールボックスが接続に使用するユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the password of this mailbox&apos;s user.</source>
        <translation>このメールボックスのユーザーのパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Enter a prefix for tracking tokens, as in CRM:.</source>
        <translation>追跡トークンのプレフィックスを入力してください (例: CRM:)。</translation>
    </message>
    <message>
        <source>A tracking token prefix cannot contain spaces.</source>
        <translation>追跡トークンのプレフィックスに空白は使用できません。</translation>
    </message>
    <message>
        <source>Use only letters, digits and the signs {signs} in a tracking token prefix.</source>
        <translation>追跡トークンのプレフィックスには、文字、数字、記号 {signs} だけを使用してください。</translation>
    </message>
    <message>
        <source>Start the prefix with a letter, as in CRM:.</source>
        <translation>プレフィックスは文字で始めてください (例: CRM:)。</translation>
    </message>
    <message>
        <source>The prefix cannot end with a digit: the token&apos;s number follows it.</source>
        <translation>プレフィックスの末尾に数字は使用できません。プレフィックスの後にトークンの番号が続きます。</translation>
    </message>
    <message>
        <source>Choose the system default, English or Japanese.</source>
        <translation>システムの既定、英語、日本語のいずれかを選択してください。</translation>
    </message>
    <message>
        <source>This email server profile no longer exists: choose another.</source>
        <translation>この電子メールサーバープロファイルは存在しません。別のプロファイルを選択してください。</translation>
    </message>
    <message>
        <source>Choose the mailbox through which alert emails are sent.</source>
        <translation>通知メールの送信元メールボックスを選択してください。</translation>
    </message>
    <message>
        <source>This mailbox does not send email with server-side synchronization (or it is not active): choose one that does.</source>
        <translation>このメールボックスはサーバー側同期で電子メールを送信しません (または非アクティブです)。サーバー側同期で送信するメールボックスを選択してください。</translation>
    </message>
    <message>
        <source>No mailbox can send email: approve a mailbox, set its outgoing email to server-side synchronization and test and enable it.</source>
        <translation>電子メールを送信できるメールボックスがありません。メールボックスの電子メールを承認し、送信メールをサーバー側同期に設定して、[メールボックスのテストを有効化] を実行してください。</translation>
    </message>
    <message>
        <source>Errors are not recorded, so there is nothing to notify: turn their recording on, or turn this off.</source>
        <translation>エラーが記録されないため、通知するものがありません。エラーを記録するか、この設定をオフにしてください。</translation>
    </message>
    <message>
        <source>Warnings are not recorded, so there is nothing to notify: turn their recording on, or turn this off.</source>
        <translation>警告が記録されないため、通知するものがありません。警告を記録するか、この設定をオフにしてください。</translation>
    </message>
    <message>
        <source>Windows integrated authentication needs Windows: the app logs on as the Windows user who runs it. On this computer, use the credentials of the user or queue, or of the profile.</source>
        <translation>Windows 統合認証には Windows が必要です。アプリは、アプリを実行している Windows ユーザーとしてログオンします。このコンピューターでは、ユーザーまたはキューの資格情報か、プロファイルの資格情報を使用してください。</translation>
    </message>
    <message>
        <source>Windows integrated authentication sends no password, and Basic authentication needs one: choose Auto detect, Negotiate or NTLM as the authentication protocol.</source>
        <translation>Windows 統合認証はパスワードを送信しませんが、Basic 認証にはパスワードが必要です。[認証プロトコル] で [自動検出]、Negotiate、NTLM のいずれかを選択してください。</translation>
    </message>
</context>
<context>
    <name>_PartPage</name>
    <message>
        <source>Put these right first:
%1</source>
        <translation>先に次の点を修正してください:
%1</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Email: %1</source>
        <translation>電子メール: %1</translation>
    </message>
</context>
</TS>
