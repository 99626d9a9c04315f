<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>About</name>
    <message>
        <location filename="../../ui/about.py" line="30"/>
        <source>About pos-app</source>
        <translation>حول pos-app</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="32"/>
        <source>Top-up counter for Algérie Télécom ADSL and 4G cards</source>
        <translation>شباك تعبئة بطاقات اتصالات الجزائر ADSL و 4G</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="33"/>
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <location filename="../../ui/access/control.py" line="139"/>
        <location filename="../../ui/access/control.py" line="175"/>
        <location filename="../../ui/app.py" line="438"/>
        <source>Reading who may sell…</source>
        <translation>قراءة من يحق له البيع…</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="168"/>
        <source>The list of people could not be read (see the log). Press Enter to try again.</source>
        <translation>تعذّرت قراءة قائمة الأشخاص (انظر السجل). اضغط Enter للمحاولة مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="188"/>
        <source>Training mode: nobody signs in.</source>
        <translation>وضع التدريب: لا أحد يسجّل الدخول.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="207"/>
        <source>No one to sign in yet: add a manager in Settings.</source>
        <translation>لا أحد يمكنه تسجيل الدخول بعد: أضف مديرًا في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="244"/>
        <source>Ctrl+L locks the counter.</source>
        <translation>Ctrl+L يقفل نقطة البيع.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="246"/>
        <source>No manager yet: add one in Settings</source>
        <translation>لا يوجد مدير بعد: أضف مديرًا في الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="292"/>
        <source>{name} is signed in.</source>
        <translation>سجّل {name} الدخول.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="338"/>
        <location filename="../../ui/settings/launcher.py" line="151"/>
        <source>Not done: the action could not be noted (see the log).</source>
        <translation>لم يتم: تعذّر تسجيل العملية (انظر السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="363"/>
        <source>{name} is disabled: signed out.</source>
        <translation>{name} معطَّل: تم تسجيل خروجه.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="448"/>
        <source>{name} is not a manager.</source>
        <translation>{name} ليس مديرًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="408"/>
        <source>Sale {ref} cancelled.</source>
        <translation>أُلغيت عملية البيع {ref}.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="45"/>
        <source>The counter is locked</source>
        <translation>نقطة البيع مقفلة</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="49"/>
        <source>Pick your name (arrows or its first letters), type your PIN, press Enter.</source>
        <translation>اختر اسمك (بالأسهم أو بأول حروفه)، اكتب رمزك السري، ثم اضغط Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="60"/>
        <source>&amp;PIN:</source>
        <translation>ال&amp;رمز السري:</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="67"/>
        <source>Sign in (Enter)</source>
        <translation>تسجيل الدخول (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="151"/>
        <source>Pick your name in the list first.</source>
        <translation>اختر اسمك من القائمة أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/pin_field.py" line="119"/>
        <source>Checking the PIN…</source>
        <translation>جارٍ التحقق من الرمز السري…</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="36"/>
        <source>Manager approval</source>
        <translation>موافقة المدير</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="40"/>
        <source>A manager must allow this: {action}</source>
        <translation>يجب أن يوافق مدير على هذا: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="46"/>
        <source>Manager: pick your name and type your PIN. The cashier stays signed in.</source>
        <translation>أيها المدير: اختر اسمك واكتب رمزك السري. يبقى البائع متصلًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="66"/>
        <source>Manager&apos;s &amp;PIN:</source>
        <translation>ال&amp;رمز السري للمدير:</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="74"/>
        <source>Allow (Enter)</source>
        <translation>موافقة (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="77"/>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="97"/>
        <source>This shop has no active manager.</source>
        <translation>لا يوجد في هذا المحل مدير نشط.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="20"/>
        <source>manager</source>
        <translation>مدير</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="21"/>
        <source>cashier</source>
        <translation>بائع</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="30"/>
        <source>Signed in: {name} ({role}) · Ctrl+L locks</source>
        <translation>متصل: {name} ({role}) · Ctrl+L للقفل</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="40"/>
        <source>Wrong PIN. {n} more wrong PIN(s) lock {name} out.</source>
        <translation>رمز سري خاطئ. {n} محاولة خاطئة أخرى وسيُقفل حساب {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="45"/>
        <source>{name} is locked out for now: ask a manager.</source>
        <translation>حساب {name} مقفل حاليًا: اسأل مديرًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="49"/>
        <source>Too many wrong PINs: {name} is locked out until {time}.</source>
        <translation>رموز سرية خاطئة كثيرة: حساب {name} مقفل حتى {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="53"/>
        <source>{name} is disabled: ask a manager.</source>
        <translation>حساب {name} معطّل: اسأل مديرًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="55"/>
        <source>{name}&apos;s record was changed outside the app: a manager must check the books (pos-app verify).</source>
        <translation>تم تعديل سجل {name} خارج التطبيق: يجب على المدير فحص السجلات (pos-app verify).</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="60"/>
        <source>{name} is not known here: pick a name in the list.</source>
        <translation>{name} غير معروف هنا: اختر اسمًا من القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="68"/>
        <source>Open the settings</source>
        <translation>فتح الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="70"/>
        <source>Close the day (Z report)</source>
        <translation>إقفال اليوم (تقرير Z)</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="72"/>
        <source>Export the sales history</source>
        <translation>تصدير سجل المبيعات</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="74"/>
        <source>Show or copy a full card code</source>
        <translation>عرض أو نسخ رمز بطاقة كامل</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="76"/>
        <source>Cancel a sale not yet sent</source>
        <translation>إلغاء عملية بيع لم تُرسل بعد</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="78"/>
        <source>Print a card code again (duplicate receipt)</source>
        <translation>طباعة رمز بطاقة مرة أخرى (وصل مكرر)</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="80"/>
        <source>Save a report (costs and margin) as PDF</source>
        <translation>حفظ تقرير (التكاليف والهامش) بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="82"/>
        <source>Change the shop&apos;s people (add, PIN, disable)</source>
        <translation>تعديل أشخاص المحل (إضافة، رمز PIN، تعطيل)</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="87"/>
        <source>The PIN could not be checked (see the log). Try again.</source>
        <translation>تعذّر التحقق من الرمز السري (انظر السجل). حاول مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="91"/>
        <source>Not allowed: no manager approved it. Nothing was done.</source>
        <translation>غير مسموح: لم يوافق أي مدير. لم يتم أي شيء.</translation>
    </message>
</context>
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../ui/status/balance.py" line="27"/>
        <source>Balance: …</source>
        <translation>الرصيد: …</translation>
    </message>
    <message>
        <location filename="../../ui/status/balance.py" line="50"/>
        <source>Balance: {amount}</source>
        <translation>الرصيد: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/status/balance.py" line="55"/>
        <source>updated {time}</source>
        <translation>آخر تحديث {time}</translation>
    </message>
    <message>
        <location filename="../../ui/status/balance.py" line="61"/>
        <source>Low balance: top up the account (under {limit})</source>
        <translation>رصيد منخفض: قم بتعبئة الحساب (أقل من {limit})</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history/filters.py" line="42"/>
        <source>Search: {text}</source>
        <translation>بحث: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="45"/>
        <source>From: {day}</source>
        <translation>من: {day}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="48"/>
        <source>To: {day}</source>
        <translation>إلى: {day}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="51"/>
        <source>State: {states}</source>
        <translation>الحالة: {states}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="56"/>
        <source>Type: {types}</source>
        <translation>النوع: {types}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="59"/>
        <source>Counter: {names}</source>
        <translation>الصندوق: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="62"/>
        <source>Cashier: {names}</source>
        <translation>البائع: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="63"/>
        <source>All sales</source>
        <translation>كل المبيعات</translation>
    </message>
    <message>
        <location filename="../../ui/history/launcher.py" line="48"/>
        <source>Sales history (F3)</source>
        <translation>سجل المبيعات (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="53"/>
        <source>Unconfirmed</source>
        <translation>غير مؤكد</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="55"/>
        <source>In progress</source>
        <translation>قيد التنفيذ</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="65"/>
        <source>Verifying</source>
        <translation>قيد التحقق</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="67"/>
        <source>Code pending</source>
        <translation>بانتظار الرمز</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="82"/>
        <location filename="../../ui/history/screen.py" line="132"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="83"/>
        <location filename="../../ui/history/screen.py" line="134"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="84"/>
        <location filename="../../ui/history/screen.py" line="135"/>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="85"/>
        <location filename="../../ui/history/screen.py" line="136"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="86"/>
        <location filename="../../ui/history/screen.py" line="137"/>
        <source>Paid</source>
        <translation>المدفوع</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="87"/>
        <location filename="../../ui/history/screen.py" line="138"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="88"/>
        <source>Card code</source>
        <translation>رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="89"/>
        <location filename="../../ui/history/screen.py" line="143"/>
        <source>Counter</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="90"/>
        <location filename="../../ui/history/screen.py" line="142"/>
        <source>Cashier</source>
        <translation>البائع</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="91"/>
        <location filename="../../ui/history/screen.py" line="144"/>
        <source>Prints</source>
        <translation>الطبعات</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="133"/>
        <source>Ref</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="139"/>
        <source>Card code (last 4)</source>
        <translation>رمز البطاقة (آخر 4)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="140"/>
        <source>Transaction</source>
        <translation>المعاملة</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="141"/>
        <source>Failure</source>
        <translation>سبب الفشل</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="216"/>
        <location filename="../../ui/history/screen.py" line="819"/>
        <source>Sales history</source>
        <translation>سجل المبيعات</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="236"/>
        <source>Number, ref or the card code&apos;s last digits</source>
        <translation>الرقم أو المرجع أو آخر أرقام رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="249"/>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="250"/>
        <source>This week</source>
        <translation>هذا الأسبوع</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="251"/>
        <source>All days</source>
        <translation>كل الأيام</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="254"/>
        <source>All states</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="258"/>
        <source>All types</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="262"/>
        <source>All counters</source>
        <translation>كل الصناديق</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="265"/>
        <source>All cashiers</source>
        <translation>كل الباعة</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="298"/>
        <source>Reprint (F9)</source>
        <translation>إعادة الطبع (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="299"/>
        <source>Show code (Enter)</source>
        <translation>إظهار الرمز (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="290"/>
        <location filename="../../ui/history/screen.py" line="301"/>
        <source>Copy code (Ctrl+Shift+C)</source>
        <translation>نسخ الرمز (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="303"/>
        <source>Export CSV (Ctrl+E)</source>
        <translation>تصدير CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="305"/>
        <source>Export PDF (Ctrl+Shift+E)</source>
        <translation>تصدير PDF (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="307"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="309"/>
        <source>Cancel export</source>
        <translation>إلغاء التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="339"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="341"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="374"/>
        <source>Any day</source>
        <translation>أي يوم</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="529"/>
        <source>No sale matches.</source>
        <translation>لا توجد عملية بيع مطابقة.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="531"/>
        <source>{n} sale(s)</source>
        <translation>{n} عملية بيع</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="533"/>
        <source>{n} sales shown, more as you scroll</source>
        <translation>{n} عملية بيع معروضة، والمزيد عند التمرير</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="553"/>
        <source>Select a sale first.</source>
        <translation>اختر عملية بيع أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="568"/>
        <source>Reprint asked for {ref}.</source>
        <translation>طُلبت إعادة طبع {ref}.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="577"/>
        <source>This sale&apos;s card code cannot be read: the data key does not match this database. Put back the key file or keyring entry kept with it; pos-app verify says which.</source>
        <translation>تعذّرت قراءة رمز البطاقة لهذا البيع: مفتاح البيانات لا يطابق قاعدة البيانات هذه. أعد ملف المفتاح أو مدخل حافظة المفاتيح المحفوظ معها؛ يحدّده الأمر pos-app verify.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="598"/>
        <source>Card code · {number} · {value}</source>
        <translation>رمز البطاقة · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="603"/>
        <source>{state} · {number} · {value}</source>
        <translation>الحالة: {state} · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="611"/>
        <source>Ref: {ref}</source>
        <translation>المرجع: {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="614"/>
        <source>Transaction: {number}</source>
        <translation>المعاملة: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="638"/>
        <source>This sale has no card code.</source>
        <translation>لا يوجد رمز بطاقة لعملية البيع هذه.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="645"/>
        <source>Card code copied.</source>
        <translation>تم نسخ رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="676"/>
        <source>Export the sales to CSV</source>
        <translation>تصدير المبيعات إلى CSV</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="678"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="761"/>
        <source>Exporting to {file}: {n} sale(s) read…</source>
        <translation>جارٍ التصدير إلى {file}: تمت قراءة {n} عملية بيع…</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="784"/>
        <source>Export cancelled: no file was written.</source>
        <translation>أُلغي التصدير: لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="791"/>
        <source>The disk is full: the file was not written.</source>
        <translation>القرص ممتلئ: لم يُكتب الملف.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="793"/>
        <source>The file could not be written: choose another place.</source>
        <translation>تعذّرت كتابة الملف: اختر مكانًا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="779"/>
        <source>{n} sale(s) written to {file}.</source>
        <translation>تم تصدير {n} عملية بيع إلى {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="706"/>
        <source>Export the sales to PDF</source>
        <translation>تصدير المبيعات إلى PDF</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="708"/>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="796"/>
        <source>The export failed: unexpected error (see the log).</source>
        <translation>فشل التصدير: خطأ غير متوقع (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="822"/>
        <source>Printed {when}</source>
        <translation>طُبع في {when}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="828"/>
        <source>Only the {n} newest sales are listed; export to CSV for all of them.</source>
        <translation>تُعرض أحدث {n} عملية بيع فقط؛ صدّر إلى CSV للحصول عليها كلها.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>pos-app — ADSL and 4G top-ups</source>
        <translation>pos-app — تعبئة ADSL و ‎4G</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source> [TRAINING]</source>
        <translation> [تدريب]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>TRAINING MODE: local simulator, no real money, nothing is kept</source>
        <translation>وضع التدريب: محاكي محلي، لا أموال حقيقية، ولا يُحفظ شيء</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Internet top-up</source>
        <translation>تعبئة الإنترنت</translation>
    </message>
    <message>
        <location filename="../../ui/history/launcher.py" line="66"/>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Card code copied.</source>
        <translation>تم نسخ رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="167"/>
        <source>Closing: finishing the work under way…</source>
        <translation>جارٍ الإغلاق: إنهاء العمل الجاري…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>No API key is configured, so this is TRAINING MODE: no real money. To sell, enter the key in the settings (Ctrl+,) and start again.</source>
        <translation>لم يتم ضبط أي مفتاح API، لذا هذا وضع التدريب: لا أموال حقيقية. للبيع، أدخل المفتاح في الإعدادات (Ctrl+,) ثم أعد التشغيل.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/launcher.py" line="62"/>
        <location filename="../../ui/settings/launcher.py" line="70"/>
        <source>Settings (Ctrl+,)</source>
        <translation>الإعدادات (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/launcher.py" line="68"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../ui/sale/number_field.py" line="85"/>
        <location filename="../../ui/sale/number_field.py" line="87"/>
        <source>Line number</source>
        <translation>رقم الخط</translation>
    </message>
    <message>
        <location filename="../../ui/sale/number_field.py" line="89"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../ui/sale/number_field.py" line="90"/>
        <source>4G</source>
        <translation>4G</translation>
    </message>
    <message>
        <location filename="../../ui/sale/number_field.py" line="230"/>
        <source>forced (F2)</source>
        <translation>يدوي (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/sale/number_field.py" line="232"/>
        <source>auto (F2)</source>
        <translation>تلقائي (F2)</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../ui/orders/model.py" line="48"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="50"/>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="51"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="52"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="53"/>
        <source>Code / reason</source>
        <translation>الرمز / السبب</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="62"/>
        <source>{n} s</source>
        <translation>{n} ث</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="64"/>
        <source>{n} min</source>
        <translation>{n} د</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="66"/>
        <source>{n} h</source>
        <translation>{n} س</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="67"/>
        <source>{n} d</source>
        <translation>{n} يوم</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="87"/>
        <source>Unconfirmed {elapsed}</source>
        <translation>غير مؤكد {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="92"/>
        <source>{status} {elapsed}</source>
        <translation>{status} منذ {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="102"/>
        <source>Verifying… {elapsed}</source>
        <translation>جارٍ التحقق… {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="104"/>
        <source>Code pending… {elapsed}</source>
        <translation>بانتظار الرمز… {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="49"/>
        <location filename="../../ui/orders/model.py" line="83"/>
        <source>Waiting to send</source>
        <translation>في انتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="51"/>
        <location filename="../../ui/orders/model.py" line="85"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="57"/>
        <location filename="../../ui/orders/model.py" line="94"/>
        <source>QUEUED: 12-48 h</source>
        <translation>QUEUED: 12-48 س</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="59"/>
        <location filename="../../ui/orders/model.py" line="96"/>
        <source>Fulfilled</source>
        <translation>تم التسليم</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="61"/>
        <location filename="../../ui/orders/model.py" line="98"/>
        <source>Refunded</source>
        <translation>تم الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="63"/>
        <location filename="../../ui/orders/model.py" line="100"/>
        <source>Rejected</source>
        <translation>تم الرفض</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="69"/>
        <location filename="../../ui/orders/model.py" line="106"/>
        <source>No code: manager</source>
        <translation>دون رمز: المسؤول</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="162"/>
        <source>Refused on retry. No cash back yet: an earlier try may still pass.</source>
        <translation>رُفض عند الإعادة. لا تُرجع المال بعد: قد تنجح محاولة سابقة.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="166"/>
        <source>Fulfilled; the card code is asked for again.</source>
        <translation>نُفّذ؛ يُعاد طلب رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="71"/>
        <location filename="../../ui/orders/model.py" line="108"/>
        <source>Conflict: manager</source>
        <translation>تعارض: المسؤول</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="72"/>
        <location filename="../../ui/orders/model.py" line="109"/>
        <source>Cancelled</source>
        <translation>تم الإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="152"/>
        <source>Sent as soon as OneClickDZ can be reached.</source>
        <translation>تُرسل فور الاتصال بـ OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="154"/>
        <source>The answer was lost: OneClickDZ is asked what became of the sale.</source>
        <translation>ضاع الرد: يُسأل OneClickDZ عن مصير عملية البيع.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="158"/>
        <source>Delivered later by OneClickDZ; the card code will show here.</source>
        <translation>يسلّمها OneClickDZ لاحقًا؛ سيظهر رمز البطاقة هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="168"/>
        <source>No card code from the server: call the manager.</source>
        <translation>لم يُرسل الخادم أي رمز: اتصل بالمسؤول.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="170"/>
        <source>Another sale holds this ref on the server: no card to hand over.</source>
        <translation>بيع آخر يحمل هذا المرجع على الخادم: لا بطاقة تُسلَّم.</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../ui/orders/panel.py" line="70"/>
        <source>Sales in progress</source>
        <translation>عمليات البيع الجارية</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="72"/>
        <source>Copy card code (Ctrl+Shift+C)</source>
        <translation>نسخ رمز البطاقة (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="215"/>
        <source>Card code hidden · {number} · {value}</source>
        <translation>رمز البطاقة مخفي · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="221"/>
        <source>someone else</source>
        <translation>شخص آخر</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="223"/>
        <source>Sold by {name}: hidden since the counter changed hands. It shows again when {name} signs in, or with a manager&apos;s approval (Ctrl+Shift+C).</source>
        <translation>باعه {name}: مخفي منذ تغيّر الشخص عند الشباك. يظهر من جديد عندما يسجّل {name} دخوله، أو بموافقة مسؤول (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="249"/>
        <source>Card code · {number} · {value}</source>
        <translation>رمز البطاقة · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="80"/>
        <source>Cancel sale (Del)</source>
        <translation>إلغاء البيع (Del)</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <location filename="../../ui/settings/people.py" line="88"/>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>الرمزان السريان مختلفان: اكتب الرمز السري نفسه مرتين.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="101"/>
        <source>{name} is the last active manager: make someone else a manager first.</source>
        <translation>{name} هو آخر مدير نشط: اجعل شخصًا آخر مديرًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="144"/>
        <location filename="../../ui/settings/people.py" line="225"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="145"/>
        <location filename="../../ui/settings/people.py" line="226"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="146"/>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="147"/>
        <source>Locked until</source>
        <translation>مقفل حتى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="161"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="161"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="204"/>
        <source>Each change here is saved at once.</source>
        <translation>كل تغيير هنا يُحفظ فورًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="208"/>
        <source>Add a person</source>
        <translation>إضافة شخص</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="221"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="227"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>الرمز السري (من 4 إلى 8 أرقام)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="229"/>
        <source>PIN again</source>
        <translation>الرمز السري مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="234"/>
        <source>The person selected</source>
        <translation>الشخص المحدد</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="242"/>
        <source>Change the PIN</source>
        <translation>تغيير الرمز السري</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="245"/>
        <location filename="../../ui/settings/people.py" line="338"/>
        <location filename="../../ui/settings/people.py" line="342"/>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="251"/>
        <source>New PIN</source>
        <translation>الرمز السري الجديد</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="253"/>
        <source>New PIN again</source>
        <translation>الرمز السري الجديد مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="337"/>
        <source>Select a person in the list.</source>
        <translation>اختر شخصًا من القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="342"/>
        <source>Enable</source>
        <translation>تفعيل</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="376"/>
        <source>The list of people could not be read (see the log).</source>
        <translation>تعذّرت قراءة قائمة الأشخاص (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="400"/>
        <location filename="../../ui/settings/people.py" line="435"/>
        <source>Not added: see the reasons in red.</source>
        <translation>لم تتم الإضافة: راجع الأسباب باللون الأحمر.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="403"/>
        <location filename="../../ui/settings/people.py" line="468"/>
        <location filename="../../ui/settings/people.py" line="498"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="428"/>
        <source>{name} added ({role}).</source>
        <translation>تمت إضافة {name} ({role}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="439"/>
        <location filename="../../ui/settings/setup.py" line="362"/>
        <source>Someone is already called {name}: choose another name.</source>
        <translation>يوجد شخص باسم {name} مسبقًا: اختر اسمًا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="446"/>
        <source>The shop has no manager yet: the first person is a manager.</source>
        <translation>لا يوجد مدير للمحل بعد: الشخص الأول يكون مديرًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="475"/>
        <source>The PIN was not changed.</source>
        <translation>لم يتم تغيير الرمز السري.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="485"/>
        <source>{name}&apos;s PIN is changed; their lock-out is cleared.</source>
        <translation>تم تغيير الرمز السري لـ {name} ورُفع القفل عنه.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="506"/>
        <source>Nothing was changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="509"/>
        <source>{name} is disabled: they can no longer sign in.</source>
        <translation>تم تعطيل {name}: لم يعد بإمكانه تسجيل الدخول.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="511"/>
        <source>{name} is enabled again.</source>
        <translation>تم تفعيل {name} من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="553"/>
        <source>No one is called {name} any more: the list is read again.</source>
        <translation>لم يعد هناك شخص باسم {name}: تُقرأ القائمة من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="561"/>
        <source>Nothing was saved: the shop&apos;s database could not be written (see the log).</source>
        <translation>لم يُحفظ شيء: تعذّرت الكتابة في قاعدة بيانات المحل (راجع السجل).</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/reprint.py" line="51"/>
        <source>Reprint receipt (F9)</source>
        <translation>إعادة طبع الوصل (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/reprint.py" line="56"/>
        <source>Print the selected sale&apos;s receipt again (marked DUPLICATE).</source>
        <translation>إعادة طبع وصل عملية البيع المحددة (بعلامة «نسخة مكررة»).</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="143"/>
        <source>No receipt to reprint: select a sale in the list.</source>
        <translation>لا يوجد وصل لإعادة طبعه: اختر عملية بيع في القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="161"/>
        <source>A print is still running and others wait: this receipt was not queued. Press F9 once they are done; the sale is saved.</source>
        <translation>ما زالت طباعة جارية وأخرى تنتظر: لم يُضَف هذا الوصل إلى الانتظار. اضغط F9 بعد انتهائها؛ البيع محفوظ.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="171"/>
        <source>A print is still running: this receipt prints after it.</source>
        <translation>ما زالت طباعة جارية: سيُطبع هذا الوصل بعدها.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="193"/>
        <source>Receipt not printed: the printer settings cannot be used ({problem}). Fix them with pos-app config; the sale is saved.</source>
        <translation>لم يُطبع الوصل: إعدادات الطابعة غير صالحة ({problem}). صحّحها بالأمر pos-app config؛ عملية البيع محفوظة.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="227"/>
        <source>Receipt not printed. {reason} The sale is saved.</source>
        <translation>لم يُطبع الوصل. {reason} عملية البيع محفوظة.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="233"/>
        <source>Receipt not printed: no such sale.</source>
        <translation>لم يُطبع الوصل: عملية البيع غير موجودة.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="238"/>
        <source>Receipt not printed: unexpected error (see the log).</source>
        <translation>لم يُطبع الوصل: خطأ غير متوقع (انظر السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="244"/>
        <source>Receipt printed (duplicate {copy}).</source>
        <translation>طُبع الوصل (نسخة مكررة {copy}).</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="248"/>
        <source>Receipt printed.</source>
        <translation>طُبع الوصل.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="263"/>
        <source>F9 reprints.</source>
        <translation>اضغط F9 لإعادة الطبع.</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="42"/>
        <source>Out of stock at OneClickDZ.</source>
        <translation>غير متوفرة لدى OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="44"/>
        <source>More than the balance.</source>
        <translation>تتجاوز الرصيد.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="69"/>
        <source>Press {key} to pick this value.</source>
        <translation>اضغط {key} لاختيار هذه القيمة.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="81"/>
        <source>collect {price}</source>
        <translation>يُحصَّل {price}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="112"/>
        <source>Loading card values…</source>
        <translation>جارٍ تحميل قيم البطاقات…</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="166"/>
        <source>There is no value number {key}.</source>
        <translation>لا توجد قيمة رقم {key}.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="194"/>
        <source>{kind} card values</source>
        <translation>قيم بطاقات {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="195"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="197"/>
        <source>4G</source>
        <translation>4G</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="202"/>
        <source>No card values offered for this type.</source>
        <translation>لا توجد قيم بطاقات لهذا النوع.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../receipts/texts.py" line="33"/>
        <source>Receipt</source>
        <translation>وصل</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="34"/>
        <source>Claim slip</source>
        <translation>وصل استلام</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="35"/>
        <source>Refund slip</source>
        <translation>وصل استرجاع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="36"/>
        <source>No. {number}</source>
        <translation>رقم {number}</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="37"/>
        <source>DUPLICATE {copy}</source>
        <translation>نسخة مكررة {copy}</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="38"/>
        <source>TRAINING: NOT A SALE, NO VALUE</source>
        <translation>تدريب: ليس بيعًا، بلا قيمة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="39"/>
        <source>Tel. {phone}</source>
        <translation>الهاتف: {phone}</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="42"/>
        <source>Printed</source>
        <translation>تاريخ الطبع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="43"/>
        <source>Sale time</source>
        <translation>وقت البيع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="44"/>
        <source>Counter</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="45"/>
        <source>Cashier</source>
        <translation>البائع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="46"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="47"/>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="48"/>
        <source>Card value</source>
        <translation>قيمة البطاقة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="49"/>
        <source>Price paid</source>
        <translation>المبلغ المدفوع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="50"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="51"/>
        <source>Card code</source>
        <translation>رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="52"/>
        <source>Transaction no.</source>
        <translation>رقم المعاملة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="53"/>
        <source>Processed</source>
        <translation>تاريخ المعالجة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="54"/>
        <source>Ref</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="55"/>
        <source>To give back to the customer</source>
        <translation>يُرد إلى الزبون</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="58"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="59"/>
        <source>4G LTE</source>
        <translation>إنترنت 4G LTE</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="62"/>
        <source>Waiting to be sent</source>
        <translation>في انتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="63"/>
        <source>Being sent</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="64"/>
        <source>Outcome not known yet: being checked</source>
        <translation>النتيجة غير معروفة بعد: جارٍ التحقق</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="65"/>
        <source>Received by OneClickDZ, in progress</source>
        <translation>استلمها OneClickDZ، قيد التنفيذ</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="66"/>
        <source>Queued by OneClickDZ (12 to 48 hours)</source>
        <translation>في قائمة انتظار OneClickDZ (من 12 إلى 48 ساعة)</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="67"/>
        <source>Being verified</source>
        <translation>قيد التحقق</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="68"/>
        <source>Done, card code not received yet</source>
        <translation>تمت، لم يصل رمز البطاقة بعد</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="69"/>
        <source>Card code missing: the manager checks</source>
        <translation>رمز البطاقة مفقود: يتحقق المسؤول</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="70"/>
        <source>To be checked by the manager</source>
        <translation>يتحقق منها المسؤول</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="71"/>
        <source>Sold: card delivered</source>
        <translation>تم البيع: سُلّمت البطاقة</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="72"/>
        <source>Failed: refunded by OneClickDZ</source>
        <translation>فشلت: أرجع OneClickDZ المبلغ</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="73"/>
        <source>Refused: nothing was charged</source>
        <translation>رُفضت: لم يُخصم شيء</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="74"/>
        <source>Cancelled before sending</source>
        <translation>أُلغيت قبل الإرسال</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="77"/>
        <source>Your card will follow. Keep this slip and show it at the counter to collect the card code.</source>
        <translation>ستصلك بطاقتك لاحقًا. احتفظ بهذا الوصل وقدّمه عند الصندوق لاستلام رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="81"/>
        <source>OneClickDZ has queued this top-up: it can take 12 to 48 hours. Keep this slip and show it at the counter to collect the card code.</source>
        <translation>وضع OneClickDZ هذه التعبئة في قائمة الانتظار: قد يستغرق ذلك من 12 إلى 48 ساعة. احتفظ بهذا الوصل وقدّمه عند الصندوق لاستلام رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="86"/>
        <source>The shop is checking this sale with OneClickDZ. Keep this slip and show it at the counter: the shop settles it with you.</source>
        <translation>يتحقق المحل من عملية البيع هذه مع OneClickDZ. احتفظ بهذا الوصل وقدّمه عند الصندوق: يسوّي المحل الأمر معك.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="91"/>
        <source>This sale needs the manager. Keep this slip and show it at the counter: the shop settles it with you.</source>
        <translation>تحتاج عملية البيع هذه إلى المسؤول. احتفظ بهذا الوصل وقدّمه عند الصندوق: يسوّي المحل الأمر معك.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="96"/>
        <source>The top-up failed. The customer&apos;s money is to be given back.</source>
        <translation>فشلت التعبئة. يُرد المال إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="99"/>
        <source>The top-up was refused and nothing was charged. The money is to be given back.</source>
        <translation>رُفضت التعبئة ولم يُخصم شيء. يُرد المال إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="102"/>
        <source>The sale was cancelled before it was sent. The money is to be given back.</source>
        <translation>أُلغيت عملية البيع قبل إرسالها. يُرد المال إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="105"/>
        <source>Cancelled at the counter.</source>
        <translation>أُلغيت عند الصندوق.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="106"/>
        <source>Thank you for your visit</source>
        <translation>شكرًا لزيارتكم</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../ui/reports/screen.py" line="99"/>
        <source>Reports: X and Z</source>
        <translation>التقارير: X و Z</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="133"/>
        <source>&amp;Refresh the X report (F5)</source>
        <translation>&amp;تحديث تقرير X (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="137"/>
        <source>&amp;Cash counted (DA):</source>
        <translation>&amp;النقود المعدودة (د.ج):</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="140"/>
        <source>whole dinars, e.g. 12500</source>
        <translation>دنانير كاملة، مثلاً 12500</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="146"/>
        <source>Close the &amp;day (Z)…</source>
        <translation>إقفال ال&amp;يوم (Z)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="155"/>
        <source>&amp;Yes, close the period</source>
        <translation>&amp;نعم، أقفل الفترة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="159"/>
        <source>&amp;No</source>
        <translation>&amp;لا</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="170"/>
        <source>&amp;Print</source>
        <translation>&amp;طباعة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="173"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;حفظ بصيغة PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="176"/>
        <source>Past &amp;Z reports:</source>
        <translation>تقارير &amp;Z السابقة:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="190"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="228"/>
        <source>Z report no. {number}: stored, it cannot be changed.</source>
        <translation>تقرير Z رقم {number}: محفوظ ولا يمكن تغييره.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="234"/>
        <source>X report of the open period, since {since} (nothing is closed).</source>
        <translation>تقرير X للفترة المفتوحة منذ {since} (لم يُقفل شيء).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="273"/>
        <source>Type the cash counted in whole dinars, digits only.</source>
        <translation>اكتب النقود المعدودة بالدنانير الكاملة، أرقام فقط.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="326"/>
        <source>Making the X report…</source>
        <translation>جارٍ إعداد تقرير X…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="333"/>
        <source>The report could not be made (see the log).</source>
        <translation>تعذّر إعداد التقرير (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="341"/>
        <source>X report made.</source>
        <translation>تقرير X جاهز.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="346"/>
        <source>Checking the journal…</source>
        <translation>جارٍ التحقق من السجل…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="357"/>
        <source>Z {number}: {opened} to {closed}, counter {counter}</source>
        <translation>Z {number}: من {opened} إلى {closed}، الصندوق {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="393"/>
        <source>no cash count</source>
        <translation>النقود غير معدودة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="395"/>
        <source>cash counted {amount} DA</source>
        <translation>النقود المعدودة {amount} د.ج</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="400"/>
        <source>Close the period now, with {counted}? The Z report is stored and can never be changed; a new period opens.</source>
        <translation>إقفال الفترة الآن، مع {counted}؟ يُحفظ تقرير Z ولا يمكن تغييره أبداً، وتبدأ فترة جديدة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="427"/>
        <location filename="../../ui/reports/screen.py" line="430"/>
        <source>Closing the period…</source>
        <translation>جارٍ إقفال الفترة…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="438"/>
        <source>The period was not closed (see the log).</source>
        <translation>لم تُقفل الفترة (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="455"/>
        <source>Z report no. {number} stored.</source>
        <translation>حُفظ تقرير Z رقم {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="472"/>
        <source>Save the report as PDF</source>
        <translation>حفظ التقرير بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="474"/>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="497"/>
        <source>The PDF could not be written to {path}.</source>
        <translation>تعذّرت كتابة ملف PDF في {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="503"/>
        <source>Report saved as {path}.</source>
        <translation>حُفظ التقرير في {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="516"/>
        <source>A print is still running and others wait: the report was not printed. Print it again once they are done.</source>
        <translation>ما زالت طباعة جارية وأخرى تنتظر: لم يُطبع التقرير. أعد طباعته بعد انتهائها.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="526"/>
        <source>A print is still running: the report prints after it.</source>
        <translation>ما زالت طباعة جارية: سيُطبع التقرير بعدها.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="538"/>
        <source>The report was not printed. {reason}</source>
        <translation>لم يُطبع التقرير. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="546"/>
        <source>The report was not printed: unexpected error (see the log).</source>
        <translation>لم يُطبع التقرير: خطأ غير متوقع (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="552"/>
        <source>Report printed.</source>
        <translation>طُبع التقرير.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="248"/>
        <source>Journal: {rows} rows, chain head {head}: intact.</source>
        <translation>السجل: {rows} سطرًا، رأس السلسلة {head}: سليم.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="254"/>
        <source>The journal was changed outside the app: {where} (run pos-app verify).</source>
        <translation>عُدِّل السجل خارج التطبيق: {where} (شغّل pos-app verify).</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../ui/sale/panel.py" line="121"/>
        <source>Starting up: the sale can be confirmed in a moment.</source>
        <translation>جارٍ التشغيل: يمكن تأكيد البيع بعد لحظة.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="127"/>
        <source>Type a complete line number first.</source>
        <translation>اكتب رقم الخط كاملًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="135"/>
        <source>Pick a card value: keys 1-9.</source>
        <translation>اختر قيمة البطاقة: المفاتيح 1-9.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="181"/>
        <source>Sale recorded. Next customer.</source>
        <translation>تم تسجيل البيع. الزبون التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="212"/>
        <source>Checking the line…</source>
        <translation>جارٍ التحقق من الخط…</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="226"/>
        <source>Offer: {offer}</source>
        <translation>العرض: {offer}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="229"/>
        <source>Customer: {ncli}</source>
        <translation>الزبون: {ncli}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="233"/>
        <source>Line found.</source>
        <translation>تم العثور على الخط.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="244"/>
        <source>Enter: summary</source>
        <translation>اضغط Enter للملخص</translation>
    </message>
</context>
<context>
    <name>SaleSummary</name>
    <message>
        <location filename="../../ui/sale/summary.py" line="39"/>
        <location filename="../../ui/sale/summary.py" line="87"/>
        <source>Check with the customer, then press Enter to sell</source>
        <translation>تحقق مع الزبون، ثم اضغط Enter للبيع</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="45"/>
        <source>Sell (Enter)</source>
        <translation>بيع (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="48"/>
        <source>Back (Esc)</source>
        <translation>رجوع (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="63"/>
        <source>Type: {kind}</source>
        <translation>النوع: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="66"/>
        <source>Number: {number}</source>
        <translation>الرقم: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="69"/>
        <source>Card value: {value}</source>
        <translation>قيمة البطاقة: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="72"/>
        <source>Price to collect: {price}</source>
        <translation>المبلغ المطلوب: {price}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="77"/>
        <source>Offer: {offer}</source>
        <translation>العرض: {offer}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="85"/>
        <source>Recording the sale…</source>
        <translation>جارٍ تسجيل البيع…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="59"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="63"/>
        <source>Connection</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="64"/>
        <source>Shop</source>
        <translation>المحل</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="65"/>
        <source>Printer</source>
        <translation>الطابعة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="66"/>
        <source>Counter</source>
        <translation>نقطة البيع</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="67"/>
        <source>Offline limits</source>
        <translation>حدود العمل دون اتصال</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="69"/>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="74"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="77"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="134"/>
        <source>The settings closed after 3 minutes without use; nothing unsaved was kept.</source>
        <translation>أُغلقت الإعدادات بعد 3 دقائق دون استعمال؛ لم يُحفظ شيء غير محفوظ.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="160"/>
        <location filename="../../ui/settings/setup.py" line="311"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="170"/>
        <source>Saved. pos-app uses the new values from its next start.</source>
        <translation>تم الحفظ. يستعمل pos-app القيم الجديدة عند تشغيله القادم.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="26"/>
        <source>Plain http is refused: the key would travel in clear. Use https (http only for the local simulator on 127.0.0.1).</source>
        <translation>يُرفض http العادي: سيُرسل المفتاح دون تشفير. استعمل https (http فقط للمحاكي المحلي على 127.0.0.1).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="32"/>
        <source>Not a usable address: check the host and the port.</source>
        <translation>عنوان غير صالح: تحقق من اسم الخادم والمنفذ.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="33"/>
        <source>An https:// address, such as https://api.oneclickdz.com/v3.</source>
        <translation>عنوان يبدأ بـ https://، مثل https://api.oneclickdz.com/v3.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="35"/>
        <source>1 to {n} letters (A-Z) and digits, such as {example}.</source>
        <translation>من 1 إلى {n} حروف (A-Z) وأرقام، مثل {example}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="39"/>
        <source>Whole dinars, 0 or more.</source>
        <translation>دنانير كاملة، 0 أو أكثر.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="41"/>
        <source>The path of an image file that exists.</source>
        <translation>مسار ملف صورة موجود.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="43"/>
        <location filename="../../ui/settings/fields.py" line="51"/>
        <source>One line of at most {n} characters.</source>
        <translation>سطر واحد من {n} حرفًا على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="45"/>
        <source>A USB id in hex, such as 0x0416.</source>
        <translation>معرّف USB بالنظام الست عشري، مثل 0x0416.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="47"/>
        <source>A port number from 1 to 65535.</source>
        <translation>رقم منفذ من 1 إلى 65535.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="49"/>
        <source>Seconds, more than 0 and at most 300.</source>
        <translation>ثوانٍ، أكثر من 0 و300 على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="52"/>
        <source>This value is not accepted.</source>
        <translation>هذه القيمة غير مقبولة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="123"/>
        <source>Needed.</source>
        <translation>مطلوب.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="73"/>
        <source>No printer</source>
        <translation>بدون طابعة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="74"/>
        <source>Network (Ethernet, Wi-Fi)</source>
        <translation>شبكة (Ethernet، Wi-Fi)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="75"/>
        <source>USB</source>
        <translation>منفذ USB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="76"/>
        <source>Serial port</source>
        <translation>منفذ تسلسلي</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="77"/>
        <source>Windows printer</source>
        <translation>طابعة Windows</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="78"/>
        <source>File or device</source>
        <translation>ملف أو جهاز</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="194"/>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="200"/>
        <source>API address</source>
        <translation>عنوان API</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="201"/>
        <source>Test connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="217"/>
        <source>Shop name</source>
        <translation>اسم المحل</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="220"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="221"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="223"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="226"/>
        <source>Logo (image file)</source>
        <translation>الشعار (ملف صورة)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="240"/>
        <source>Receipt printer</source>
        <translation>طابعة الإيصالات</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="242"/>
        <source>Printer address (IP or name)</source>
        <translation>عنوان الطابعة (IP أو اسم)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="243"/>
        <source>TCP port</source>
        <translation>منفذ TCP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="244"/>
        <source>USB vendor id</source>
        <translation>معرّف الصانع USB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="245"/>
        <source>USB product id</source>
        <translation>معرّف المنتج USB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="246"/>
        <source>Serial port (COM3, /dev/ttyUSB0)</source>
        <translation>المنفذ التسلسلي (COM3، /dev/ttyUSB0)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="247"/>
        <source>Speed (baud)</source>
        <translation>السرعة (باود)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="248"/>
        <source>Windows printer name</source>
        <translation>اسم طابعة Windows</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="249"/>
        <source>File or device path</source>
        <translation>مسار الملف أو الجهاز</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="274"/>
        <source>{mm} mm</source>
        <translation>{mm} مم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="277"/>
        <source>Paper width</source>
        <translation>عرض الورق</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="282"/>
        <source>Print the receipt when a sale is fulfilled</source>
        <translation>طباعة الإيصال عند إتمام البيع</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="287"/>
        <source>Print a claim slip when a sale is queued</source>
        <translation>طباعة وصل مطالبة عند وضع البيع في الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="290"/>
        <source>Test page</source>
        <translation>صفحة اختبار</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="304"/>
        <source>Warn when the balance is under (DA)</source>
        <translation>التنبيه عندما يقل الرصيد عن (دج)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="307"/>
        <source>The computer&apos;s language</source>
        <translation>لغة الحاسوب</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="310"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="315"/>
        <source>Counter id (in sale refs)</source>
        <translation>معرّف نقطة البيع (في مراجع البيع)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="325"/>
        <source>Fixed in this version: sales wait offline up to these limits, then new sales are refused.</source>
        <translation>ثابت في هذا الإصدار: تنتظر المبيعات دون اتصال حتى هذه الحدود، ثم تُرفض المبيعات الجديدة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="334"/>
        <source>Sales waiting, at most</source>
        <translation>المبيعات المنتظرة، على الأكثر</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="336"/>
        <source>Money waiting, at most</source>
        <translation>المبلغ المنتظر، على الأكثر</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="340"/>
        <source>Oldest waiting sale, at most</source>
        <translation>أقدم بيع منتظر، على الأكثر</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="341"/>
        <source>{h} h</source>
        <translation>{h} ساعة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="371"/>
        <source>The stored value could not be used: the default is shown. Save to replace it.</source>
        <translation>تعذّر استعمال القيمة المحفوظة: تُعرض القيمة الافتراضية. احفظ لاستبدالها.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="381"/>
        <location filename="../../ui/settings/form.py" line="534"/>
        <source>{env} overrides this on this computer.</source>
        <translation>{env} يتجاوز هذا الإعداد على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="385"/>
        <source>Some settings could not be read: the defaults are shown.</source>
        <translation>تعذّرت قراءة بعض الإعدادات: تُعرض القيم الافتراضية.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="400"/>
        <source>ONECLICK_API_KEY is set on this computer and overrides the key kept here.</source>
        <translation>ONECLICK_API_KEY مضبوط على هذا الحاسوب ويتجاوز المفتاح المحفوظ هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="407"/>
        <source>Kept in the system keyring: {tail}. Type a new key to replace it.</source>
        <translation>محفوظ في حافظة مفاتيح النظام: {tail}. اكتب مفتاحًا جديدًا لاستبداله.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="412"/>
        <source>No key is kept yet.</source>
        <translation>لا يوجد مفتاح محفوظ بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="416"/>
        <source>This computer has no secure keyring: the key cannot be kept here. Set ONECLICK_API_KEY in pos-app&apos;s environment instead.</source>
        <translation>لا توجد حافظة مفاتيح آمنة على هذا الحاسوب: لا يمكن حفظ المفتاح هنا. اضبط ONECLICK_API_KEY في بيئة pos-app بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="425"/>
        <source>Paste the key from your OneClickDZ account</source>
        <translation>الصق المفتاح من حسابك في OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="437"/>
        <source>A key holds no such character (position {n}): paste it again.</source>
        <translation>لا يحتوي المفتاح على هذا الحرف (الموضع {n}): الصقه من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="465"/>
        <source>Needed for this printer.</source>
        <translation>مطلوب لهذه الطابعة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="559"/>
        <source>Choose the logo</source>
        <translation>اختيار الشعار</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="561"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>صور (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="578"/>
        <location filename="../../ui/settings/form.py" line="744"/>
        <source>Type the API key first.</source>
        <translation>اكتب مفتاح API أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="590"/>
        <source>Asking OneClickDZ…</source>
        <translation>جارٍ سؤال OneClickDZ…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="624"/>
        <source>OneClickDZ refused this key: it is not saved. Copy it again from your OneClickDZ account and press Test connection, or use training mode meanwhile.</source>
        <translation>رفضت OneClickDZ هذا المفتاح: لم يُحفظ. انسخه من جديد من حسابك في OneClickDZ واضغط اختبار الاتصال، أو استعمل وضع التدريب في الأثناء.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="630"/>
        <source>A key was refused: press Test connection with this key before saving it, or use training mode meanwhile.</source>
        <translation>رُفض مفتاح: اضغط اختبار الاتصال بهذا المفتاح قبل حفظه، أو استعمل وضع التدريب في الأثناء.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="646"/>
        <source>Complete the printer&apos;s fields first.</source>
        <translation>أكمل حقول الطابعة أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="649"/>
        <source>Printing a test page…</source>
        <translation>جارٍ طباعة صفحة اختبار…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="661"/>
        <source>The test page was not printed: unexpected error (see the log).</source>
        <translation>لم تُطبع صفحة الاختبار: خطأ غير متوقع (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="665"/>
        <source>Test page sent to {printer}.</source>
        <translation>أُرسلت صفحة الاختبار إلى {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="678"/>
        <location filename="../../ui/settings/setup.py" line="316"/>
        <source>The settings are still being read.</source>
        <translation>ما زالت الإعدادات قيد القراءة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="680"/>
        <location filename="../../ui/settings/form.py" line="687"/>
        <location filename="../../ui/settings/setup.py" line="333"/>
        <source>Some values are not accepted: see the reasons in red.</source>
        <translation>بعض القيم غير مقبولة: راجع الأسباب باللون الأحمر.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="690"/>
        <location filename="../../ui/settings/form.py" line="707"/>
        <source>Nothing was saved: the shop&apos;s database could not be written ({reason}). Every setting keeps its old value.</source>
        <translation>لم يُحفظ أي شيء: تعذّرت الكتابة في قاعدة بيانات المحل ({reason}). يحتفظ كل إعداد بقيمته السابقة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="696"/>
        <source>Nothing was saved: this computer has no secure keyring for the key. Set ONECLICK_API_KEY instead.</source>
        <translation>لم يُحفظ أي شيء: لا توجد حافظة مفاتيح آمنة على هذا الحاسوب. اضبط ONECLICK_API_KEY بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="702"/>
        <source>Nothing was saved: the system keyring refused to keep the key.</source>
        <translation>لم يُحفظ أي شيء: رفضت حافظة مفاتيح النظام حفظ المفتاح.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="718"/>
        <source>SANDBOX key (tests, no real money)</source>
        <translation>مفتاح SANDBOX (اختبار، لا أموال حقيقية)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="720"/>
        <source>PRODUCTION key (real sales)</source>
        <translation>مفتاح PRODUCTION (مبيعات حقيقية)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="722"/>
        <source>Connected. {kind}, scope {scope}, account {account}, balance {balance}.</source>
        <translation>متصل. {kind}، النطاق {scope}، الحساب {account}، الرصيد {balance}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="731"/>
        <source>This key is DISABLED at OneClickDZ.</source>
        <translation>هذا المفتاح مُعطّل لدى OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="738"/>
        <source>This shop&apos;s address is blocked for 15 minutes after wrong keys. Wait, then check the key.</source>
        <translation>عنوان المحل محظور لمدة 15 دقيقة بعد مفاتيح خاطئة. انتظر، ثم تحقق من المفتاح.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="746"/>
        <source>The key was refused. Check it (copy it again from your OneClickDZ account); it is not tried again by itself: five wrong keys block this shop&apos;s address for 15 minutes.</source>
        <translation>رُفض المفتاح. تحقق منه (انسخه من جديد من حسابك في OneClickDZ)؛ لن تتم إعادة تجربته تلقائيًا: خمسة مفاتيح خاطئة تحظر عنوان المحل لمدة 15 دقيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="752"/>
        <source>A key holds no such character: paste it again.</source>
        <translation>لا يحتوي المفتاح على هذا الحرف: الصقه من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="754"/>
        <source>OneClickDZ cannot be reached: check the internet connection and the API address.</source>
        <translation>تعذّر الوصول إلى OneClickDZ: تحقق من اتصال الإنترنت وعنوان API.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="759"/>
        <source>OneClickDZ did not answer in time. Try again in a moment.</source>
        <translation>لم يُجب OneClickDZ في الوقت المحدد. أعد المحاولة بعد قليل.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="761"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Try again in a minute.</source>
        <translation>طلبات كثيرة جدًا: يطلب OneClickDZ الانتظار قليلًا. أعد المحاولة بعد دقيقة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="766"/>
        <source>OneClickDZ has a server problem. Try again later.</source>
        <translation>لدى OneClickDZ مشكلة في الخادم. أعد المحاولة لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="768"/>
        <source>The answer could not be read: is the API address right?</source>
        <translation>تعذّرت قراءة الرد: هل عنوان API صحيح؟</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="770"/>
        <source>The API address cannot be used: see the reason beside it.</source>
        <translation>لا يمكن استعمال عنوان API: راجع السبب بجانبه.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="772"/>
        <source>OneClickDZ refused the test ({code}).</source>
        <translation>رفض OneClickDZ الاختبار ({code}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="776"/>
        <source>The test failed: unexpected error (see the log).</source>
        <translation>فشل الاختبار: خطأ غير متوقع (راجع السجل).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/launcher.py" line="133"/>
        <source>The shop&apos;s people could not be read: open the settings from the selling window (pos-app without --demo).</source>
        <translation>تعذّرت قراءة أشخاص المحل: افتح الإعدادات من نافذة البيع (pos-app بدون ‎--demo).</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../ui/settings/setup.py" line="81"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="82"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>الرمز السري (من 4 إلى 8 أرقام)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="83"/>
        <source>PIN again</source>
        <translation>الرمز السري مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="98"/>
        <source>This shop has a manager already ({names}): the counter opens locked, sign in there.</source>
        <translation>لهذا المحل مدير بالفعل ({names}): تُفتح نقطة البيع مقفلة، سجّل الدخول هناك.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="115"/>
        <location filename="../../ui/settings/setup.py" line="372"/>
        <source>Type your name and the same PIN twice.</source>
        <translation>اكتب اسمك والرمز السري نفسه مرتين.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="146"/>
        <source>Your OneClickDZ API key</source>
        <translation>مفتاح API الخاص بك في OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="147"/>
        <source>Paste the API key of your OneClickDZ account, then press Test connection. It is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>الصق مفتاح API لحسابك في OneClickDZ، ثم اضغط اختبار الاتصال. يُحفظ في حافظة مفاتيح هذا الحاسوب، وليس في ملف أبدًا.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="156"/>
        <source>Your shop</source>
        <translation>محلك</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="157"/>
        <source>The name printed at the top of every receipt.</source>
        <translation>الاسم المطبوع أعلى كل إيصال.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="162"/>
        <source>Receipt printer (optional)</source>
        <translation>طابعة الإيصالات (اختياري)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="163"/>
        <source>A network receipt printer needs its address; the others can be set later in the settings (Ctrl+,).</source>
        <translation>تحتاج طابعة الشبكة إلى عنوانها؛ ويمكن ضبط الأنواع الأخرى لاحقًا في الإعدادات (Ctrl+,).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="172"/>
        <source>Manager: your name and a PIN (twice)</source>
        <translation>المدير: اسمك ورمز سري (مرتين)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="173"/>
        <source>The manager opens the settings, closes the day and adds the cashiers. The PIN signs you in at the counter: keep it to yourself.</source>
        <translation>يفتح المدير الإعدادات ويغلق اليوم ويضيف البائعين. يسجّل الرمز السري دخولك في نقطة البيع: احتفظ به لنفسك.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="200"/>
        <source>pos-app: first start</source>
        <translation>pos-app: التشغيل الأول</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="206"/>
        <source>Welcome. {n} steps and the counter is ready.</source>
        <translation>مرحبًا. {n} خطوات وتصبح نقطة البيع جاهزة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="375"/>
        <source>The settings are saved, but the manager could not be added (see the log). Type the PIN twice again and finish.</source>
        <translation>تم حفظ الإعدادات، لكن تعذّرت إضافة المدير (راجع السجل). اكتب الرمز السري مرتين من جديد ثم أنهِ.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="214"/>
        <source>Use training mode (no key, no real money)</source>
        <translation>استعمال وضع التدريب (بدون مفتاح، بدون أموال حقيقية)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="233"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="234"/>
        <location filename="../../ui/settings/setup.py" line="288"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="280"/>
        <source>Step {n} of {total}: {title}</source>
        <translation>الخطوة {n} من {total}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="288"/>
        <source>Finish and start selling</source>
        <translation>إنهاء وبدء البيع</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="319"/>
        <source>The key cannot be kept on this computer: set ONECLICK_API_KEY, or use training mode.</source>
        <translation>لا يمكن حفظ المفتاح على هذا الحاسوب: اضبط ONECLICK_API_KEY، أو استعمل وضع التدريب.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="325"/>
        <source>Type the API key, or use training mode.</source>
        <translation>اكتب مفتاح API، أو استعمل وضع التدريب.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status/bar.py" line="19"/>
        <source>{n} s</source>
        <translation>{n} ث</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="21"/>
        <source>{n} min</source>
        <translation>{n} د</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="22"/>
        <source>{h} h {m} min</source>
        <translation>{h} س {m} د</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="26"/>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="26"/>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="28"/>
        <source>API key refused</source>
        <translation>مفتاح API مرفوض</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="31"/>
        <source>{state} · {n} sale(s) waiting to be sent</source>
        <translation>{state} · {n} عملية بيع في انتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="35"/>
        <source>, oldest {age}</source>
        <translation>، أقدمها منذ {age}</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="47"/>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="49"/>
        <source>SANDBOX</source>
        <translation>تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="51"/>
        <source>Test key: sales are not real.</source>
        <translation>مفتاح تجريبي: المبيعات غير حقيقية.</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="53"/>
        <source>TRAINING</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="56"/>
        <source>Demo mode: a local simulator, no real money.</source>
        <translation>وضع التدريب: محاكي محلي، لا أموال حقيقية.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../orders/messages.py" line="26"/>
        <source>The request was refused as malformed. Check the number and the value, then try again.</source>
        <translation>رُفض الطلب لأنه غير صالح. تحقق من الرقم والقيمة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="30"/>
        <source>This line does not exist or is not of this type. Check the number with the customer.</source>
        <translation>هذا الخط غير موجود أو ليس من هذا النوع. تحقق من الرقم مع الزبون.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="34"/>
        <source>This card value is out of stock. Offer another value.</source>
        <translation>قيمة البطاقة هذه غير متوفرة. اقترح قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="14"/>
        <source>The account balance is too low for this card. Top up the account, then sell again.</source>
        <translation>رصيد الحساب غير كافٍ لهذه البطاقة. قم بتعبئة الحساب، ثم أعد البيع.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="39"/>
        <source>This sale was already received by OneClickDZ; it is being followed, not sold again.</source>
        <translation>عملية البيع هذه وصلت إلى OneClickDZ من قبل؛ تتم متابعتها ولن تُباع مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="18"/>
        <source>The API key was refused. Check it in the settings; after 5 wrong keys the shop is blocked for 15 minutes.</source>
        <translation>رُفض مفتاح API. تحقق منه في الإعدادات؛ بعد 5 مفاتيح خاطئة يُحظر المحل لمدة 15 دقيقة.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="50"/>
        <source>This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.</source>
        <translation>المحل محظور لمدة 15 دقيقة بسبب مفاتيح API خاطئة. انتظر، ثم تحقق من المفتاح.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="54"/>
        <source>OneClickDZ does not know this sale. It will be checked again before anything is resent.</source>
        <translation>عملية البيع هذه غير معروفة لدى OneClickDZ. سيُعاد التحقق منها قبل أي إعادة إرسال.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="58"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.</source>
        <translation>طلبات كثيرة: يطلب OneClickDZ الانتظار قليلًا. لا شيء لفعله، ستُعاد المحاولة تلقائيًا.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="62"/>
        <source>OneClickDZ has a server problem. Sales wait and are retried; try again later.</source>
        <translation>مشكلة في خادم OneClickDZ. المبيعات تنتظر وستُعاد محاولتها؛ أعد المحاولة لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="65"/>
        <source>OneClickDZ is down for maintenance. Sales wait and are sent when it is back.</source>
        <translation>خدمة OneClickDZ متوقفة للصيانة. المبيعات تنتظر وتُرسل عند عودته.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="68"/>
        <source>OneClickDZ could not deliver the card and refunded the account. Sell again or offer another value.</source>
        <translation>تعذّر على OneClickDZ تسليم البطاقة وتم استرجاع المبلغ إلى الحساب. أعد البيع أو اقترح قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="77"/>
        <source>Cannot reach OneClickDZ (network down?). The sale waits and is sent when the connection is back.</source>
        <translation>تعذّر الوصول إلى OneClickDZ (انقطاع الشبكة؟). عملية البيع تنتظر وتُرسل عند عودة الاتصال.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="82"/>
        <source>OneClickDZ did not answer in time. The sale is checked before anything is resent; do not sell it again.</source>
        <translation>لم يرد OneClickDZ في الوقت المحدد. سيتم التحقق من عملية البيع قبل أي إعادة إرسال؛ لا تكرر البيع.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="87"/>
        <source>OneClickDZ sent an unreadable answer. It is checked again automatically.</source>
        <translation>أرسل OneClickDZ ردًا غير مقروء. يُعاد التحقق تلقائيًا.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="93"/>
        <source>OneClickDZ refused the request for a reason this app does not know. Call support.</source>
        <translation>رفض OneClickDZ الطلب لسبب لا يعرفه التطبيق. اتصل بالدعم.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="101"/>
        <source>The number is not valid for this line type. Check it.</source>
        <translation>الرقم غير صالح لهذا النوع من الخطوط. تحقق منه.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="104"/>
        <source>This value is not sold for this line type. Pick another value.</source>
        <translation>هذه القيمة لا تُباع لهذا النوع من الخطوط. اختر قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="109"/>
        <source>This sale was already recorded; it is not sold twice.</source>
        <translation>عملية البيع هذه مسجلة من قبل؛ لن تُباع مرتين.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="110"/>
        <source>Too many sales are waiting for the connection. Wait until they are sent.</source>
        <translation>عمليات بيع كثيرة تنتظر الاتصال. انتظر حتى يتم إرسالها.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="113"/>
        <source>Too much money is waiting for the connection. Wait until those sales are sent.</source>
        <translation>المبلغ الذي ينتظر الاتصال كبير جدًا. انتظر حتى يتم إرسال هذه المبيعات.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="116"/>
        <source>A sale has waited for the connection too long. Check the internet, then sell again.</source>
        <translation>انتظرت عملية بيع الاتصال مدة طويلة جدًا. تحقق من الإنترنت، ثم أعد البيع.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="120"/>
        <source>This sale is already being sent; it cannot be cancelled.</source>
        <translation>عملية البيع هذه قيد الإرسال؛ لا يمكن إلغاؤها.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="125"/>
        <source>Something unexpected went wrong ({code}). Call support if it repeats.</source>
        <translation>حدث خطأ غير متوقع ({code}). اتصل بالدعم إذا تكرر.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="128"/>
        <source>Unexpected error: {error}. Call support if it repeats.</source>
        <translation>خطأ غير متوقع: {error}. اتصل بالدعم إذا تكرر.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>Line not checked: OneClickDZ cannot be reached. You can still sell; the sale waits for the connection.</source>
        <translation>لم يتم التحقق من الخط: تعذّر الوصول إلى OneClickDZ. يمكنك البيع رغم ذلك؛ ستنتظر عملية البيع الاتصال.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>Line not checked: {reason}</source>
        <translation>لم يتم التحقق من الخط: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>4G</source>
        <translation>4G</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Type the line number: ADSL 0 + 8 digits, 4G 213 + 9 digits.</source>
        <translation>اكتب رقم الخط: 0 + 8 أرقام لـ ADSL، و 213 + 9 أرقام لـ 4G.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>Only digits, please.</source>
        <translation>أرقام فقط من فضلك.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>An ADSL number starts with 0.</source>
        <translation>رقم ADSL يبدأ بـ 0.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>A 4G number starts with 213.</source>
        <translation>رقم 4G يبدأ بـ 213.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>A number starts with 0 (ADSL) or 213 (4G).</source>
        <translation>يبدأ الرقم بـ 0 (ADSL) أو 213 (4G).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>This looks like a {other} number, but {kind} is forced. Press F2 to change the type.</source>
        <translation>يبدو أنه رقم {other}، لكن النوع {kind} محدد يدويًا. اضغط F2 لتغيير النوع.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>{kind}: {missing} more digit(s) ({expected} in all).</source>
        <translation>{kind}: الأرقام الناقصة {missing} (المطلوب {expected}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>{kind}: {extra} digit(s) too many ({expected} in all).</source>
        <translation>{kind}: الأرقام الزائدة {extra} (المطلوب {expected}).</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="43"/>
        <source>No API key is configured. Enter it in the settings (Ctrl+,) or with pos-app config api_key, or start in training mode (--demo).</source>
        <translation>لم يتم ضبط أي مفتاح API. أدخله في الإعدادات (Ctrl+,) أو عبر pos-app config api_key، أو ابدأ في وضع التدريب (--demo).</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <location filename="../../receipts/printers.py" line="52"/>
        <source>No receipt printer is set up. Choose one in the settings.</source>
        <translation>لم تُضبط أي طابعة للوصولات. اختر واحدة في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="55"/>
        <source>The printer {printer} is a Windows printer queue, which only works on Windows. Choose another connection in the settings.</source>
        <translation>الطابعة {printer} قائمة طباعة Windows، ولا تعمل إلا على Windows. اختر اتصالًا آخر في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="60"/>
        <source>The printer {printer} refused the connection. Check that it is on and that the address and port are right.</source>
        <translation>رفضت الطابعة {printer} الاتصال. تحقق من أنها مشغّلة ومن صحة العنوان والمنفذ.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="65"/>
        <source>Cannot reach the printer {printer}. Check that it is on, on the network, and that the address is right.</source>
        <translation>تعذّر الوصول إلى الطابعة {printer}. تحقق من أنها مشغّلة ومتصلة بالشبكة، ومن صحة العنوان.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="70"/>
        <source>The printer {printer} is not found. Check its cable and power, and its name or ids in the settings.</source>
        <translation>الطابعة {printer} غير موجودة. تحقق من الكابل والكهرباء، ومن اسمها أو معرّفاتها في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="75"/>
        <source>This PC does not let the app use the printer {printer}. Check the printer driver and the user&apos;s rights on the port.</source>
        <translation>لا يسمح هذا الحاسوب للتطبيق باستعمال الطابعة {printer}. تحقق من برنامج تشغيل الطابعة ومن صلاحيات المستخدم على المنفذ.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="80"/>
        <source>USB printing needs the libusb driver, which this PC lacks (printer {printer}). Install it, or use the printer&apos;s Windows queue.</source>
        <translation>تحتاج الطباعة عبر USB إلى برنامج التشغيل libusb، وهو غير مثبّت على هذا الحاسوب (الطابعة {printer}). ثبّته، أو استعمل قائمة طباعة Windows الخاصة بالطابعة.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="85"/>
        <source>The serial port {printer} does not exist on this PC. Check the cable and the port name in the settings.</source>
        <translation>المنفذ التسلسلي {printer} غير موجود على هذا الحاسوب. تحقق من الكابل ومن اسم المنفذ في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="90"/>
        <source>Cannot write the receipt to {printer}. Check that the folder exists and may be written to.</source>
        <translation>تعذّرت كتابة الوصل في {printer}. تحقق من أن المجلد موجود وأن الكتابة فيه مسموحة.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="95"/>
        <source>The printer {printer} broke off while printing (switched off or unplugged?). Check it, then reprint.</source>
        <translation>انقطعت الطابعة {printer} أثناء الطباعة (أُطفئت أو فُصلت؟). تحقق منها، ثم أعد الطبع.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="100"/>
        <source>The printer {printer} stopped taking the receipt (out of paper, cover open or busy?). Check it, then reprint.</source>
        <translation>توقفت الطابعة {printer} عن استقبال الوصل (نفد الورق، أو الغطاء مفتوح، أو مشغولة؟). تحقق منها، ثم أعد الطبع.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="105"/>
        <source>The printer {printer} could not print ({reason}). Check it, then reprint.</source>
        <translation>تعذّرت الطباعة على الطابعة {printer} ({reason}). تحقق منها، ثم أعد الطبع.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../domain/reports.py" line="76"/>
        <source>X report (mid-day, nothing closed)</source>
        <translation>تقرير X (منتصف اليوم، لم يُغلق شيء)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="77"/>
        <source>Z report no. {number} (period closed)</source>
        <translation>تقرير Z رقم {number} (الفترة مغلقة)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="78"/>
        <source>Period: {since} to {until} (UTC)</source>
        <translation>الفترة: من {since} إلى {until} (UTC)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="79"/>
        <source>Counter: {counter}</source>
        <translation>الصندوق: {counter}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="80"/>
        <source>Counter: all</source>
        <translation>الصندوق: الكل</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="81"/>
        <source>Sales: {count}</source>
        <translation>المبيعات: {count}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="82"/>
        <source>By state:</source>
        <translation>حسب الحالة:</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="83"/>
        <source>By type:</source>
        <translation>حسب النوع:</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="84"/>
        <source>  {name}: {count} sales, face value {face_value}, price {price}, cost {cost}</source>
        <translation>  {name}: {count} عملية بيع، قيمة البطاقات {face_value}، السعر {price}، التكلفة {cost}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="87"/>
        <source>Face value sold: {amount}</source>
        <translation>قيمة البطاقات المبيعة: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="88"/>
        <source>Customers paid: {amount}</source>
        <translation>مدفوعات الزبائن: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="89"/>
        <source>Given back (refunded, rejected or cancelled): {amount}</source>
        <translation>المبالغ المردودة (مسترجعة أو مرفوضة أو ملغاة): {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="92"/>
        <source>Cost to the shop: {amount}</source>
        <translation>التكلفة على المحل: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="93"/>
        <source>Margin: {amount}</source>
        <translation>هامش الربح: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="94"/>
        <source>  {count} sales of unknown cost (price {amount}) are left out of the margin</source>
        <translation>  {count} عملية بيع تكلفتها غير معروفة (السعر {amount}) مستثناة من هامش الربح</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="97"/>
        <source>Unresolved sales: {count}</source>
        <translation>المبيعات المعلقة: {count}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="98"/>
        <source>  {ref}  {number}  {state}  {price}  {created_at}</source>
        <translation>  {ref}  {number}  {state}  {price}  بتاريخ {created_at}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="101"/>
        <source>OneClickDZ balance:</source>
        <translation>رصيد OneClickDZ:</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="102"/>
        <source>  Opening balance: {amount}</source>
        <translation>  الرصيد الافتتاحي: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="103"/>
        <source>  - accepted sales ({count}): {amount}</source>
        <translation>  - المبيعات المقبولة ({count}): {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="104"/>
        <source>  + refunds ({count}): {amount}</source>
        <translation>  + الاسترجاعات ({count}): {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="105"/>
        <source>  = Expected closing balance: {amount}</source>
        <translation>  = الرصيد الختامي المتوقع: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="106"/>
        <source>  Actual closing balance: {amount}</source>
        <translation>  الرصيد الختامي الفعلي: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="107"/>
        <location filename="../../domain/reports.py" line="112"/>
        <source>  Difference: {amount}</source>
        <translation>  الفرق: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="108"/>
        <location filename="../../receipts/report_render.py" line="98"/>
        <source>not read</source>
        <translation>لم يُقرأ</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="109"/>
        <source>Cash in the drawer:</source>
        <translation>النقود في الدرج:</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="110"/>
        <source>  Expected: {amount}</source>
        <translation>  المتوقع: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="111"/>
        <source>  Counted: {amount}</source>
        <translation>  المعدود: {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="113"/>
        <location filename="../../receipts/report_render.py" line="102"/>
        <source>not counted</source>
        <translation>لم يُعدّ</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="114"/>
        <source>(before this period)</source>
        <translation>(قبل هذه الفترة)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="121"/>
        <source>No balance was read at or after the period&apos;s opening: no bridge.</source>
        <translation>لم يُقرأ أي رصيد عند بداية الفترة أو بعدها: لا مطابقة.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="124"/>
        <source>No balance was read at the period&apos;s end: the difference is unknown.</source>
        <translation>لم يُقرأ أي رصيد عند نهاية الفترة: الفرق غير معروف.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="127"/>
        <source>The opening balance was first read at {at}, after the period began: sales accepted before then are counted twice.</source>
        <translation>قُرئ الرصيد الافتتاحي أول مرة في {at}، بعد بداية الفترة: المبيعات المقبولة قبل ذلك محسوبة مرتين.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="132"/>
        <source>The closing balance was read at {at}, after the period ended.</source>
        <translation>قُرئ الرصيد الختامي في {at}، بعد نهاية الفترة.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="135"/>
        <source>The balance agrees with the sales.</source>
        <translation>الرصيد مطابق للمبيعات.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="136"/>
        <source>{count} unresolved sales of unknown outcome may account for up to {amount} of the difference.</source>
        <translation>{count} عملية بيع معلقة غير معروفة النتيجة قد تفسّر ما يصل إلى {amount} من الفرق.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="140"/>
        <source>The balance is {amount} higher than the sales say: this may be a top-up of the account.</source>
        <translation>الرصيد أعلى بمقدار {amount} مما تشير إليه المبيعات: قد تكون هذه تعبئة للحساب.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="144"/>
        <source>The balance is {amount} lower than the sales say: the first sign of a sale or charge the app does not know about. Compare the supplier&apos;s list of orders with the history.</source>
        <translation>الرصيد أقل بمقدار {amount} مما تشير إليه المبيعات: أول علامة على عملية بيع أو خصم لا يعرفه التطبيق. قارن قائمة طلبات المورّد بسجل المبيعات.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="149"/>
        <source>{count} accepted sales have no known cost and are not in the bridge.</source>
        <translation>{count} عملية بيع مقبولة تكلفتها غير معروفة وليست في المطابقة.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="152"/>
        <source>{count} refunds have no known cost and are not in the bridge.</source>
        <translation>{count} عملية استرجاع تكلفتها غير معروفة وليست في المطابقة.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="155"/>
        <source>These figures are of counter {counter} only, the balance is the whole account&apos;s: other counters&apos; sales show as a difference.</source>
        <translation>هذه الأرقام خاصة بالصندوق {counter} وحده، أما الرصيد فهو للحساب كله: مبيعات الصناديق الأخرى تظهر كفرق.</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="62"/>
        <source>X report</source>
        <translation>تقرير X</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="63"/>
        <source>Z report no. {number}</source>
        <translation>تقرير Z رقم {number}</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="64"/>
        <source>Mid-day: nothing is closed</source>
        <translation>منتصف اليوم: لم يُغلق شيء</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="65"/>
        <source>Period closed: this report cannot change</source>
        <translation>الفترة مغلقة: لا يمكن تغيير هذا التقرير</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="66"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="67"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="68"/>
        <source>Counter</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="69"/>
        <source>all</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="70"/>
        <source>Printed</source>
        <translation>تاريخ الطبع</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="71"/>
        <source>Sales</source>
        <translation>المبيعات</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="72"/>
        <source>By state</source>
        <translation>حسب الحالة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="73"/>
        <source>By type</source>
        <translation>حسب النوع</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="74"/>
        <source>Face value sold</source>
        <translation>قيمة البطاقات المبيعة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="75"/>
        <source>Customers paid</source>
        <translation>مدفوعات الزبائن</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="76"/>
        <source>Given back</source>
        <translation>المبالغ المردودة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="77"/>
        <source>Cost to the shop</source>
        <translation>التكلفة على المحل</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="78"/>
        <source>Margin</source>
        <translation>هامش الربح</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="79"/>
        <source>Unresolved sales</source>
        <translation>المبيعات المعلقة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="80"/>
        <source>sold before this period</source>
        <translation>بيعت قبل هذه الفترة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="84"/>
        <source>… and {count} more: the history screen lists them all (filter by state).</source>
        <translation>… و{count} أخرى: شاشة السجل تعرضها كلها (صفِّ حسب الحالة).</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="90"/>
        <source>OneClickDZ balance</source>
        <translation>رصيد OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="91"/>
        <source>Opening balance</source>
        <translation>الرصيد الافتتاحي</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="92"/>
        <source>− accepted sales ({count})</source>
        <translation>− المبيعات المقبولة ({count})</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="93"/>
        <source>+ refunds ({count})</source>
        <translation>+ الاسترجاعات ({count})</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="94"/>
        <source>= expected balance</source>
        <translation>= الرصيد المتوقع</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="95"/>
        <source>Actual balance</source>
        <translation>الرصيد الفعلي</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="96"/>
        <source>read at {time}</source>
        <translation>قُرئ في {time}</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="97"/>
        <source>Difference</source>
        <translation>الفرق</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="99"/>
        <source>Cash in the drawer</source>
        <translation>النقود في الدرج</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="100"/>
        <source>Expected</source>
        <translation>المتوقع</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="101"/>
        <source>Counted</source>
        <translation>المعدود</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="105"/>
        <source>Waiting to be sent</source>
        <translation>في انتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="106"/>
        <source>Being sent</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="107"/>
        <source>Outcome unknown</source>
        <translation>النتيجة غير معروفة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="108"/>
        <source>Accepted</source>
        <translation>تم القبول</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="109"/>
        <source>Queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="110"/>
        <source>Being verified</source>
        <translation>قيد التحقق</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="111"/>
        <source>Code pending</source>
        <translation>بانتظار الرمز</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="112"/>
        <source>Code missing</source>
        <translation>الرمز مفقود</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="113"/>
        <source>Conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="114"/>
        <source>Fulfilled</source>
        <translation>تم التسليم</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="115"/>
        <source>Refunded</source>
        <translation>تم الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="116"/>
        <source>Rejected</source>
        <translation>تم الرفض</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="117"/>
        <source>Cancelled</source>
        <translation>تم الإلغاء</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="115"/>
        <source>Journal: {rows} rows, chain head {head}</source>
        <translation>السجل: {rows} سطرًا، رأس السلسلة {head}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="116"/>
        <source>  The journal was changed outside the app (found before this report).</source>
        <translation>  عُدِّل السجل خارج التطبيق (اكتُشف قبل هذا التقرير).</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="81"/>
        <source>Journal rows</source>
        <translation>أسطر السجل</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="82"/>
        <source>Chain head</source>
        <translation>رأس السلسلة</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="83"/>
        <source>The journal was changed outside the app</source>
        <translation>عُدِّل السجل خارج التطبيق</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <location filename="../../domain/users.py" line="50"/>
        <source>Type a name.</source>
        <translation>اكتب اسمًا.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="51"/>
        <source>A name has at most 40 characters.</source>
        <translation>لا يتجاوز الاسم 40 حرفًا.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="52"/>
        <source>A name cannot hold tabs, line breaks or invisible characters.</source>
        <translation>لا يمكن أن يحتوي الاسم على مسافات جدولة أو فواصل أسطر أو أحرف غير مرئية.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="112"/>
        <source>Type a PIN of 4 to 8 digits.</source>
        <translation>اكتب رمزًا سريًا من 4 إلى 8 أرقام.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="113"/>
        <source>A PIN is made of the digits 0 to 9 only.</source>
        <translation>يتكون الرمز السري من الأرقام 0 إلى 9 فقط.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="116"/>
        <source>A PIN has at least 4 digits.</source>
        <translation>يتكون الرمز السري من 4 أرقام على الأقل.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="117"/>
        <source>A PIN has at most 8 digits.</source>
        <translation>يتكون الرمز السري من 8 أرقام على الأكثر.</translation>
    </message>
</context>
</TS>
