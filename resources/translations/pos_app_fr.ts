<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="26"/>
        <source>Balance: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="49"/>
        <source>Balance: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="54"/>
        <source>updated {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="60"/>
        <source>Low balance: top up the account (under {limit})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="25"/>
        <source>pos-app — ADSL and 4G top-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="26"/>
        <source> [TRAINING]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="38"/>
        <source>TRAINING MODE: local simulator, no real money, nothing is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="47"/>
        <source>Internet top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="69"/>
        <source>Card code copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="76"/>
        <location filename="../../pos_app/ui/sale/number_field.py" line="78"/>
        <source>Line number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="80"/>
        <source>ADSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="81"/>
        <source>4G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="150"/>
        <source>forced (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="152"/>
        <source>auto (F2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="34"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="35"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="36"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="37"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="38"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="39"/>
        <source>Code / reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="48"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="50"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="52"/>
        <source>Checking the outcome… {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="54"/>
        <source>{status} {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="58"/>
        <source>QUEUED: delivered later (12-48 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="60"/>
        <source>Fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="62"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="64"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="65"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="75"/>
        <source>Sent as soon as OneClickDZ can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="44"/>
        <source>Sales in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="46"/>
        <source>Copy card code (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="42"/>
        <source>Out of stock at OneClickDZ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="44"/>
        <source>More than the balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="68"/>
        <source>Press {key} to pick this value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="80"/>
        <source>collect {price}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="111"/>
        <source>Loading card values…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="165"/>
        <source>There is no value number {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="187"/>
        <source>{kind} card values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="188"/>
        <source>ADSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="190"/>
        <source>4G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="195"/>
        <source>No card values offered for this type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="122"/>
        <source>Type a complete line number first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="130"/>
        <source>Pick a card value: keys 1-9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="174"/>
        <source>Sale recorded. Next customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="205"/>
        <source>Checking the line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="219"/>
        <source>Offer: {offer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="222"/>
        <source>Customer: {ncli}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="224"/>
        <source>Line found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="235"/>
        <source>Enter: summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleSummary</name>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="39"/>
        <location filename="../../pos_app/ui/sale/summary.py" line="85"/>
        <source>Check with the customer, then press Enter to sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="45"/>
        <source>Sell (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="48"/>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="63"/>
        <source>Type: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="66"/>
        <source>Number: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="69"/>
        <source>Card value: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="70"/>
        <source>Price to collect: {price}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="75"/>
        <source>Offer: {offer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="83"/>
        <source>Recording the sale…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="19"/>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="21"/>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="22"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="26"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="26"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="28"/>
        <source>API key refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="31"/>
        <source>{state} · {n} sale(s) waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="35"/>
        <source>, oldest {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="47"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="49"/>
        <source>SANDBOX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="51"/>
        <source>Test key: sales are not real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="53"/>
        <source>TRAINING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="56"/>
        <source>Demo mode: a local simulator, no real money.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="17"/>
        <source>The request was refused as malformed. Check the number and the value, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="21"/>
        <source>This line does not exist or is not of this type. Check the number with the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="25"/>
        <source>This card value is out of stock. Offer another value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="28"/>
        <location filename="../../pos_app/ui/messages.py" line="32"/>
        <source>The account balance is too low for this card. Top up the account, then sell again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="36"/>
        <source>This sale was already received by OneClickDZ; it is being followed, not sold again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="40"/>
        <source>No API key is configured. Set ONECLICK_API_KEY, or start in training mode (--demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="44"/>
        <location filename="../../pos_app/ui/messages.py" line="49"/>
        <source>The API key was refused. Check it in the settings; after 5 wrong keys the shop is blocked for 15 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="54"/>
        <source>This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="58"/>
        <source>OneClickDZ does not know this sale. It will be checked again before anything is resent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="62"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="66"/>
        <source>OneClickDZ has a server problem. Sales wait and are retried; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="69"/>
        <source>OneClickDZ is down for maintenance. Sales wait and are sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="72"/>
        <source>OneClickDZ could not deliver the card and refunded the account. Sell again or offer another value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="81"/>
        <source>Cannot reach OneClickDZ (network down?). The sale waits and is sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="86"/>
        <source>OneClickDZ did not answer in time. The sale is checked before anything is resent; do not sell it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="91"/>
        <source>OneClickDZ sent an unreadable answer. It is checked again automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="97"/>
        <source>OneClickDZ refused the request for a reason this app does not know. Call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="105"/>
        <source>The number is not valid for this line type. Check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="108"/>
        <source>This value is not sold for this line type. Pick another value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="113"/>
        <source>This sale was already recorded; it is not sold twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="114"/>
        <source>Too many sales are waiting for the connection. Wait until they are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="117"/>
        <source>Too much money is waiting for the connection. Wait until those sales are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="120"/>
        <source>A sale has waited for the connection too long. Check the internet, then sell again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="124"/>
        <source>This sale is already being sent; it cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="140"/>
        <source>Something unexpected went wrong ({code}). Call support if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="156"/>
        <source>Unexpected error: {error}. Call support if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="164"/>
        <source>Line not checked: OneClickDZ cannot be reached. You can still sell; the sale waits for the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="169"/>
        <source>Line not checked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="180"/>
        <source>ADSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="180"/>
        <source>4G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="189"/>
        <source>Type the line number: ADSL 0 + 8 digits, 4G 213 + 9 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="191"/>
        <source>Only digits, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="194"/>
        <source>An ADSL number starts with 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="196"/>
        <source>A 4G number starts with 213.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="197"/>
        <source>A number starts with 0 (ADSL) or 213 (4G).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="200"/>
        <source>This looks like a {other} number, but {kind} is forced. Press F2 to change the type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="210"/>
        <source>{kind}: {missing} more digit(s) ({expected} in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="213"/>
        <source>{kind}: {extra} digit(s) too many ({expected} in all).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
