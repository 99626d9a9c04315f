<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="27"/>
        <source>Balance: …</source>
        <translation>الرصيد: …</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="50"/>
        <source>Balance: {amount}</source>
        <translation>الرصيد: {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="55"/>
        <source>updated {time}</source>
        <translation>آخر تحديث {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="61"/>
        <source>Low balance: top up the account (under {limit})</source>
        <translation>رصيد منخفض: قم بتعبئة الحساب (أقل من {limit})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="36"/>
        <source>pos-app — ADSL and 4G top-ups</source>
        <translation>pos-app — تعبئة ADSL و ‎4G</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="37"/>
        <source> [TRAINING]</source>
        <translation> [تدريب]</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="49"/>
        <source>TRAINING MODE: local simulator, no real money, nothing is kept</source>
        <translation>وضع التدريب: محاكي محلي، لا أموال حقيقية، ولا يُحفظ شيء</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="56"/>
        <source>No API key is configured, so this is TRAINING MODE: no real money. To sell, set ONECLICK_API_KEY and restart.</source>
        <translation>لم يُضبط أي مفتاح API، لذا هذا وضع التدريب: لا أموال حقيقية. للبيع، اضبط ONECLICK_API_KEY ثم أعد التشغيل.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="66"/>
        <source>Internet top-up</source>
        <translation>تعبئة الإنترنت</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="89"/>
        <source>Card code copied.</source>
        <translation>تم نسخ رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/app.py" line="126"/>
        <source>Closing: finishing the work under way…</source>
        <translation>جارٍ الإغلاق: إنهاء العمل الجاري…</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="85"/>
        <location filename="../../pos_app/ui/sale/number_field.py" line="87"/>
        <source>Line number</source>
        <translation>رقم الخط</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="89"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="90"/>
        <source>4G</source>
        <translation>4G</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="230"/>
        <source>forced (F2)</source>
        <translation>يدوي (F2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="232"/>
        <source>auto (F2)</source>
        <translation>تلقائي (F2)</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="39"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="40"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="41"/>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="42"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="43"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="44"/>
        <source>Code / reason</source>
        <translation>الرمز / السبب</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="53"/>
        <source>Waiting to send</source>
        <translation>في انتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="55"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="57"/>
        <source>Checking the outcome… {s} s</source>
        <translation>جارٍ التحقق من النتيجة… {s} ث</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="59"/>
        <source>{status} {s} s</source>
        <translation>{status} منذ {s} ث</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="63"/>
        <source>QUEUED: delivered later (12-48 h)</source>
        <translation>QUEUED: التسليم لاحقًا (‎12-48 h)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="65"/>
        <source>Fulfilled</source>
        <translation>تم التسليم</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="67"/>
        <source>Refunded</source>
        <translation>تم الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="69"/>
        <source>Rejected</source>
        <translation>تم الرفض</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="71"/>
        <source>Verifying… {s} s</source>
        <translation>تحقّق… {s}&#xa0;ث</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="73"/>
        <source>Code pending… {s} s</source>
        <translation>الرمز قيد الانتظار… {s}&#xa0;ث</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="75"/>
        <source>No code: manager</source>
        <translation>دون رمز: المسؤول</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="97"/>
        <source>Refused on retry. No cash back yet: an earlier try may still pass.</source>
        <translation>رُفض عند الإعادة. لا تُرجع المال بعد: قد تنجح محاولة سابقة.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="100"/>
        <source>Fulfilled; the card code is asked for again.</source>
        <translation>نُفّذ؛ يُعاد طلب رمز البطاقة.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="77"/>
        <source>Conflict: manager</source>
        <translation>تعارض: المسؤول</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="78"/>
        <source>Cancelled</source>
        <translation>تم الإلغاء</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="95"/>
        <source>Sent as soon as OneClickDZ can be reached.</source>
        <translation>تُرسل فور الاتصال بـ OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="102"/>
        <source>No card code from the server: call the manager.</source>
        <translation>لم يُرسل الخادم أي رمز: اتصل بالمسؤول.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="104"/>
        <source>Another sale holds this ref on the server: no card to hand over.</source>
        <translation>بيع آخر يحمل هذا المرجع على الخادم: لا بطاقة تُسلَّم.</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="64"/>
        <source>Sales in progress</source>
        <translation>عمليات البيع الجارية</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="66"/>
        <source>Copy card code (Ctrl+Shift+C)</source>
        <translation>نسخ رمز البطاقة (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="115"/>
        <source>Card code · {number} · {value}</source>
        <translation>رمز البطاقة · {number} · {value}</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="42"/>
        <source>Out of stock at OneClickDZ.</source>
        <translation>غير متوفرة لدى OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="44"/>
        <source>More than the balance.</source>
        <translation>تتجاوز الرصيد.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="69"/>
        <source>Press {key} to pick this value.</source>
        <translation>اضغط {key} لاختيار هذه القيمة.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="81"/>
        <source>collect {price}</source>
        <translation>يُحصَّل {price}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="112"/>
        <source>Loading card values…</source>
        <translation>جارٍ تحميل قيم البطاقات…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="166"/>
        <source>There is no value number {key}.</source>
        <translation>لا توجد قيمة رقم {key}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="194"/>
        <source>{kind} card values</source>
        <translation>قيم بطاقات {kind}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="195"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="197"/>
        <source>4G</source>
        <translation>4G</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="202"/>
        <source>No card values offered for this type.</source>
        <translation>لا توجد قيم بطاقات لهذا النوع.</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="123"/>
        <source>Type a complete line number first.</source>
        <translation>اكتب رقم الخط كاملًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="131"/>
        <source>Pick a card value: keys 1-9.</source>
        <translation>اختر قيمة البطاقة: المفاتيح 1-9.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="175"/>
        <source>Sale recorded. Next customer.</source>
        <translation>تم تسجيل البيع. الزبون التالي.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="206"/>
        <source>Checking the line…</source>
        <translation>جارٍ التحقق من الخط…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="220"/>
        <source>Offer: {offer}</source>
        <translation>العرض: {offer}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="223"/>
        <source>Customer: {ncli}</source>
        <translation>الزبون: {ncli}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="227"/>
        <source>Line found.</source>
        <translation>تم العثور على الخط.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="238"/>
        <source>Enter: summary</source>
        <translation>اضغط Enter للملخص</translation>
    </message>
</context>
<context>
    <name>SaleSummary</name>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="39"/>
        <location filename="../../pos_app/ui/sale/summary.py" line="87"/>
        <source>Check with the customer, then press Enter to sell</source>
        <translation>تحقق مع الزبون، ثم اضغط Enter للبيع</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="45"/>
        <source>Sell (Enter)</source>
        <translation>بيع (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="48"/>
        <source>Back (Esc)</source>
        <translation>رجوع (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="63"/>
        <source>Type: {kind}</source>
        <translation>النوع: {kind}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="66"/>
        <source>Number: {number}</source>
        <translation>الرقم: {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="69"/>
        <source>Card value: {value}</source>
        <translation>قيمة البطاقة: {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="72"/>
        <source>Price to collect: {price}</source>
        <translation>المبلغ المطلوب: {price}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="77"/>
        <source>Offer: {offer}</source>
        <translation>العرض: {offer}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="85"/>
        <source>Recording the sale…</source>
        <translation>جارٍ تسجيل البيع…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="19"/>
        <source>{n} s</source>
        <translation>{n} ث</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="21"/>
        <source>{n} min</source>
        <translation>{n} د</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="22"/>
        <source>{h} h {m} min</source>
        <translation>{h} س {m} د</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="26"/>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="26"/>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="28"/>
        <source>API key refused</source>
        <translation>مفتاح API مرفوض</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="31"/>
        <source>{state} · {n} sale(s) waiting to be sent</source>
        <translation>{state} · {n} عملية بيع في انتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="35"/>
        <source>, oldest {age}</source>
        <translation>، أقدمها منذ {age}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="47"/>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="49"/>
        <source>SANDBOX</source>
        <translation>تجريبي</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="51"/>
        <source>Test key: sales are not real.</source>
        <translation>مفتاح تجريبي: المبيعات غير حقيقية.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="53"/>
        <source>TRAINING</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="56"/>
        <source>Demo mode: a local simulator, no real money.</source>
        <translation>وضع التدريب: محاكي محلي، لا أموال حقيقية.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="31"/>
        <source>The request was refused as malformed. Check the number and the value, then try again.</source>
        <translation>رُفض الطلب لأنه غير صالح. تحقق من الرقم والقيمة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="35"/>
        <source>This line does not exist or is not of this type. Check the number with the customer.</source>
        <translation>هذا الخط غير موجود أو ليس من هذا النوع. تحقق من الرقم مع الزبون.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="39"/>
        <source>This card value is out of stock. Offer another value.</source>
        <translation>قيمة البطاقة هذه غير متوفرة. اقترح قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="19"/>
        <source>The account balance is too low for this card. Top up the account, then sell again.</source>
        <translation>رصيد الحساب غير كافٍ لهذه البطاقة. قم بتعبئة الحساب، ثم أعد البيع.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="44"/>
        <source>This sale was already received by OneClickDZ; it is being followed, not sold again.</source>
        <translation>عملية البيع هذه وصلت إلى OneClickDZ من قبل؛ تتم متابعتها ولن تُباع مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="48"/>
        <source>No API key is configured. Set ONECLICK_API_KEY, or start in training mode (--demo).</source>
        <translation>لم يتم ضبط مفتاح API. عيّن ONECLICK_API_KEY، أو ابدأ في وضع التدريب (‎--demo).</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="23"/>
        <source>The API key was refused. Check it in the settings; after 5 wrong keys the shop is blocked for 15 minutes.</source>
        <translation>رُفض مفتاح API. تحقق منه في الإعدادات؛ بعد 5 مفاتيح خاطئة يُحظر المحل لمدة 15 دقيقة.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="54"/>
        <source>This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.</source>
        <translation>المحل محظور لمدة 15 دقيقة بسبب مفاتيح API خاطئة. انتظر، ثم تحقق من المفتاح.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="58"/>
        <source>OneClickDZ does not know this sale. It will be checked again before anything is resent.</source>
        <translation>عملية البيع هذه غير معروفة لدى OneClickDZ. سيُعاد التحقق منها قبل أي إعادة إرسال.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="62"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.</source>
        <translation>طلبات كثيرة: يطلب OneClickDZ الانتظار قليلًا. لا شيء لفعله، ستُعاد المحاولة تلقائيًا.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="66"/>
        <source>OneClickDZ has a server problem. Sales wait and are retried; try again later.</source>
        <translation>مشكلة في خادم OneClickDZ. المبيعات تنتظر وستُعاد محاولتها؛ أعد المحاولة لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="69"/>
        <source>OneClickDZ is down for maintenance. Sales wait and are sent when it is back.</source>
        <translation>خدمة OneClickDZ متوقفة للصيانة. المبيعات تنتظر وتُرسل عند عودته.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="72"/>
        <source>OneClickDZ could not deliver the card and refunded the account. Sell again or offer another value.</source>
        <translation>تعذّر على OneClickDZ تسليم البطاقة وتم استرجاع المبلغ إلى الحساب. أعد البيع أو اقترح قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="81"/>
        <source>Cannot reach OneClickDZ (network down?). The sale waits and is sent when the connection is back.</source>
        <translation>تعذّر الوصول إلى OneClickDZ (انقطاع الشبكة؟). عملية البيع تنتظر وتُرسل عند عودة الاتصال.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="86"/>
        <source>OneClickDZ did not answer in time. The sale is checked before anything is resent; do not sell it again.</source>
        <translation>لم يرد OneClickDZ في الوقت المحدد. سيتم التحقق من عملية البيع قبل أي إعادة إرسال؛ لا تكرر البيع.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="91"/>
        <source>OneClickDZ sent an unreadable answer. It is checked again automatically.</source>
        <translation>أرسل OneClickDZ ردًا غير مقروء. يُعاد التحقق تلقائيًا.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="97"/>
        <source>OneClickDZ refused the request for a reason this app does not know. Call support.</source>
        <translation>رفض OneClickDZ الطلب لسبب لا يعرفه التطبيق. اتصل بالدعم.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="105"/>
        <source>The number is not valid for this line type. Check it.</source>
        <translation>الرقم غير صالح لهذا النوع من الخطوط. تحقق منه.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="108"/>
        <source>This value is not sold for this line type. Pick another value.</source>
        <translation>هذه القيمة لا تُباع لهذا النوع من الخطوط. اختر قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="113"/>
        <source>This sale was already recorded; it is not sold twice.</source>
        <translation>عملية البيع هذه مسجلة من قبل؛ لن تُباع مرتين.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="114"/>
        <source>Too many sales are waiting for the connection. Wait until they are sent.</source>
        <translation>عمليات بيع كثيرة تنتظر الاتصال. انتظر حتى يتم إرسالها.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="117"/>
        <source>Too much money is waiting for the connection. Wait until those sales are sent.</source>
        <translation>المبلغ الذي ينتظر الاتصال كبير جدًا. انتظر حتى يتم إرسال هذه المبيعات.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="120"/>
        <source>A sale has waited for the connection too long. Check the internet, then sell again.</source>
        <translation>انتظرت عملية بيع الاتصال مدة طويلة جدًا. تحقق من الإنترنت، ثم أعد البيع.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="124"/>
        <source>This sale is already being sent; it cannot be cancelled.</source>
        <translation>عملية البيع هذه قيد الإرسال؛ لا يمكن إلغاؤها.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="129"/>
        <source>Something unexpected went wrong ({code}). Call support if it repeats.</source>
        <translation>حدث خطأ غير متوقع ({code}). اتصل بالدعم إذا تكرر.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="132"/>
        <source>Unexpected error: {error}. Call support if it repeats.</source>
        <translation>خطأ غير متوقع: {error}. اتصل بالدعم إذا تكرر.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="35"/>
        <source>Line not checked: OneClickDZ cannot be reached. You can still sell; the sale waits for the connection.</source>
        <translation>لم يتم التحقق من الخط: تعذّر الوصول إلى OneClickDZ. يمكنك البيع رغم ذلك؛ ستنتظر عملية البيع الاتصال.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="40"/>
        <source>Line not checked: {reason}</source>
        <translation>لم يتم التحقق من الخط: {reason}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="49"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="49"/>
        <source>4G</source>
        <translation>4G</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="58"/>
        <source>Type the line number: ADSL 0 + 8 digits, 4G 213 + 9 digits.</source>
        <translation>اكتب رقم الخط: 0 + 8 أرقام لـ ADSL، و 213 + 9 أرقام لـ 4G.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="60"/>
        <source>Only digits, please.</source>
        <translation>أرقام فقط من فضلك.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="63"/>
        <source>An ADSL number starts with 0.</source>
        <translation>رقم ADSL يبدأ بـ 0.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="65"/>
        <source>A 4G number starts with 213.</source>
        <translation>رقم 4G يبدأ بـ 213.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="66"/>
        <source>A number starts with 0 (ADSL) or 213 (4G).</source>
        <translation>يبدأ الرقم بـ 0 (ADSL) أو 213 (4G).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="69"/>
        <source>This looks like a {other} number, but {kind} is forced. Press F2 to change the type.</source>
        <translation>يبدو أنه رقم {other}، لكن النوع {kind} محدد يدويًا. اضغط F2 لتغيير النوع.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="79"/>
        <source>{kind}: {missing} more digit(s) ({expected} in all).</source>
        <translation>{kind}: الأرقام الناقصة {missing} (المطلوب {expected}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="82"/>
        <source>{kind}: {extra} digit(s) too many ({expected} in all).</source>
        <translation>{kind}: الأرقام الزائدة {extra} (المطلوب {expected}).</translation>
    </message>
</context>
</TS>
