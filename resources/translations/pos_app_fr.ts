<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="27"/>
        <source>Balance: …</source>
        <translation>Solde : …</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="50"/>
        <source>Balance: {amount}</source>
        <translation>Solde : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="55"/>
        <source>updated {time}</source>
        <translation>mis à jour à {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/balance.py" line="61"/>
        <source>Low balance: top up the account (under {limit})</source>
        <translation>Solde bas : rechargez le compte (moins de {limit})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="36"/>
        <source>pos-app — ADSL and 4G top-ups</source>
        <translation>pos-app — Recharges ADSL et 4G</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="37"/>
        <source> [TRAINING]</source>
        <translation> [FORMATION]</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="49"/>
        <source>TRAINING MODE: local simulator, no real money, nothing is kept</source>
        <translation>MODE FORMATION : simulateur local, pas d&apos;argent réel, rien n&apos;est conservé</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="56"/>
        <source>No API key is configured, so this is TRAINING MODE: no real money. To sell, set ONECLICK_API_KEY and restart.</source>
        <translation>Aucune clé API n&apos;est configurée : MODE FORMATION, pas d&apos;argent réel. Pour vendre, définissez ONECLICK_API_KEY et redémarrez.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="66"/>
        <source>Internet top-up</source>
        <translation>Recharge Internet</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="89"/>
        <source>Card code copied.</source>
        <translation>Code de la carte copié.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/app.py" line="126"/>
        <source>Closing: finishing the work under way…</source>
        <translation>Fermeture : fin du travail en cours…</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="85"/>
        <location filename="../../pos_app/ui/sale/number_field.py" line="87"/>
        <source>Line number</source>
        <translation>Numéro de ligne</translation>
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
        <translation>forcé (F2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/number_field.py" line="232"/>
        <source>auto (F2)</source>
        <translation>auto (F2)</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="39"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="40"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="41"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="42"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="43"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="44"/>
        <source>Code / reason</source>
        <translation>Code / motif</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="53"/>
        <source>Waiting to send</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="55"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="57"/>
        <source>Checking the outcome… {s} s</source>
        <translation>Vérification du résultat… {s} s</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="59"/>
        <source>{status} {s} s</source>
        <translation>{status} {s} s</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="63"/>
        <source>QUEUED: delivered later (12-48 h)</source>
        <translation>QUEUED : livrée plus tard (12-48 h)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="65"/>
        <source>Fulfilled</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="67"/>
        <source>Refunded</source>
        <translation>Remboursée</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="69"/>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="71"/>
        <source>Verifying… {s} s</source>
        <translation>Vérification… {s}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="73"/>
        <source>Code pending… {s} s</source>
        <translation>Code en attente… {s}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="75"/>
        <source>No code: manager</source>
        <translation>Sans code : gérant</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="97"/>
        <source>Refused on retry. No cash back yet: an earlier try may still pass.</source>
        <translation>Refusé à la reprise. Ne rendez pas encore l’argent : un essai précédent peut aboutir.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="100"/>
        <source>Fulfilled; the card code is asked for again.</source>
        <translation>Livrée ; le code de la carte est redemandé.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="77"/>
        <source>Conflict: manager</source>
        <translation>Conflit : gérant</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="78"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="95"/>
        <source>Sent as soon as OneClickDZ can be reached.</source>
        <translation>Envoyée dès que OneClickDZ est joignable.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="102"/>
        <source>No card code from the server: call the manager.</source>
        <translation>Le serveur n’a donné aucun code : appelez le gérant.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/model.py" line="104"/>
        <source>Another sale holds this ref on the server: no card to hand over.</source>
        <translation>Une autre vente porte cette référence sur le serveur : aucune carte à remettre.</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="64"/>
        <source>Sales in progress</source>
        <translation>Ventes en cours</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="66"/>
        <source>Copy card code (Ctrl+Shift+C)</source>
        <translation>Copier le code de la carte (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/orders/panel.py" line="115"/>
        <source>Card code · {number} · {value}</source>
        <translation>Code de la carte · {number} · {value}</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="42"/>
        <source>Out of stock at OneClickDZ.</source>
        <translation>Rupture de stock chez OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="44"/>
        <source>More than the balance.</source>
        <translation>Dépasse le solde.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="69"/>
        <source>Press {key} to pick this value.</source>
        <translation>Appuyez sur {key} pour choisir cette valeur.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="81"/>
        <source>collect {price}</source>
        <translation>encaisser {price}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="112"/>
        <source>Loading card values…</source>
        <translation>Chargement des valeurs…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="166"/>
        <source>There is no value number {key}.</source>
        <translation>Il n&apos;y a pas de valeur n° {key}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/product_grid.py" line="194"/>
        <source>{kind} card values</source>
        <translation>Valeurs de carte {kind}</translation>
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
        <translation>Aucune valeur proposée pour ce type.</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="123"/>
        <source>Type a complete line number first.</source>
        <translation>Saisissez d&apos;abord un numéro de ligne complet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="131"/>
        <source>Pick a card value: keys 1-9.</source>
        <translation>Choisissez une valeur : touches 1-9.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="175"/>
        <source>Sale recorded. Next customer.</source>
        <translation>Vente enregistrée. Client suivant.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="206"/>
        <source>Checking the line…</source>
        <translation>Vérification de la ligne…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="220"/>
        <source>Offer: {offer}</source>
        <translation>Offre : {offer}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="223"/>
        <source>Customer: {ncli}</source>
        <translation>Client : {ncli}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="227"/>
        <source>Line found.</source>
        <translation>Ligne trouvée.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/panel.py" line="238"/>
        <source>Enter: summary</source>
        <translation>Enter : récapitulatif</translation>
    </message>
</context>
<context>
    <name>SaleSummary</name>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="39"/>
        <location filename="../../pos_app/ui/sale/summary.py" line="87"/>
        <source>Check with the customer, then press Enter to sell</source>
        <translation>Vérifiez avec le client, puis appuyez sur Enter pour vendre</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="45"/>
        <source>Sell (Enter)</source>
        <translation>Vendre (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="48"/>
        <source>Back (Esc)</source>
        <translation>Retour (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="63"/>
        <source>Type: {kind}</source>
        <translation>Type : {kind}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="66"/>
        <source>Number: {number}</source>
        <translation>Numéro : {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="69"/>
        <source>Card value: {value}</source>
        <translation>Valeur de la carte : {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="72"/>
        <source>Price to collect: {price}</source>
        <translation>À encaisser : {price}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="77"/>
        <source>Offer: {offer}</source>
        <translation>Offre : {offer}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale/summary.py" line="85"/>
        <source>Recording the sale…</source>
        <translation>Enregistrement de la vente…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="19"/>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="21"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="22"/>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="26"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="26"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="28"/>
        <source>API key refused</source>
        <translation>Clé API refusée</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="31"/>
        <source>{state} · {n} sale(s) waiting to be sent</source>
        <translation>{state} · {n} vente(s) en attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="35"/>
        <source>, oldest {age}</source>
        <translation>, la plus ancienne depuis {age}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="47"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="49"/>
        <source>SANDBOX</source>
        <translation>TEST</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="51"/>
        <source>Test key: sales are not real.</source>
        <translation>Clé de test : les ventes ne sont pas réelles.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="53"/>
        <source>TRAINING</source>
        <translation>FORMATION</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/status/bar.py" line="56"/>
        <source>Demo mode: a local simulator, no real money.</source>
        <translation>Mode démo : simulateur local, pas d&apos;argent réel.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="31"/>
        <source>The request was refused as malformed. Check the number and the value, then try again.</source>
        <translation>Requête refusée car mal formée. Vérifiez le numéro et la valeur, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="35"/>
        <source>This line does not exist or is not of this type. Check the number with the customer.</source>
        <translation>Cette ligne n&apos;existe pas ou n&apos;est pas de ce type. Vérifiez le numéro avec le client.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="39"/>
        <source>This card value is out of stock. Offer another value.</source>
        <translation>Cette valeur est en rupture de stock. Proposez une autre valeur.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="19"/>
        <source>The account balance is too low for this card. Top up the account, then sell again.</source>
        <translation>Solde du compte insuffisant pour cette carte. Rechargez le compte, puis refaites la vente.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="44"/>
        <source>This sale was already received by OneClickDZ; it is being followed, not sold again.</source>
        <translation>Cette vente a déjà été reçue par OneClickDZ ; elle est suivie, pas refaite.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="48"/>
        <source>No API key is configured. Set ONECLICK_API_KEY, or start in training mode (--demo).</source>
        <translation>Aucune clé API configurée. Définissez ONECLICK_API_KEY ou lancez en mode formation (--demo).</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="23"/>
        <source>The API key was refused. Check it in the settings; after 5 wrong keys the shop is blocked for 15 minutes.</source>
        <translation>Clé API refusée. Vérifiez-la dans les paramètres ; après 5 clés erronées, la boutique est bloquée 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="54"/>
        <source>This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.</source>
        <translation>Boutique bloquée 15 minutes suite à des clés API erronées. Patientez, puis vérifiez la clé.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="58"/>
        <source>OneClickDZ does not know this sale. It will be checked again before anything is resent.</source>
        <translation>OneClickDZ ne connaît pas cette vente. Elle sera revérifiée avant tout renvoi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="62"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.</source>
        <translation>Trop de requêtes : OneClickDZ demande de patienter un peu. Rien à faire, nouvel essai automatique.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="66"/>
        <source>OneClickDZ has a server problem. Sales wait and are retried; try again later.</source>
        <translation>OneClickDZ a un problème de serveur. Les ventes attendent et seront renvoyées ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="69"/>
        <source>OneClickDZ is down for maintenance. Sales wait and are sent when it is back.</source>
        <translation>OneClickDZ est en maintenance. Les ventes attendent et partiront à son retour.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="72"/>
        <source>OneClickDZ could not deliver the card and refunded the account. Sell again or offer another value.</source>
        <translation>OneClickDZ n&apos;a pas pu livrer la carte et a remboursé le compte. Refaites la vente ou proposez une autre valeur.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="81"/>
        <source>Cannot reach OneClickDZ (network down?). The sale waits and is sent when the connection is back.</source>
        <translation>OneClickDZ injoignable (réseau coupé ?). La vente attend et partira au retour de la connexion.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="86"/>
        <source>OneClickDZ did not answer in time. The sale is checked before anything is resent; do not sell it again.</source>
        <translation>OneClickDZ n&apos;a pas répondu à temps. La vente sera vérifiée avant tout renvoi ; ne la refaites pas.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="91"/>
        <source>OneClickDZ sent an unreadable answer. It is checked again automatically.</source>
        <translation>OneClickDZ a envoyé une réponse illisible. Nouvelle vérification automatique.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="97"/>
        <source>OneClickDZ refused the request for a reason this app does not know. Call support.</source>
        <translation>OneClickDZ a refusé la requête pour une raison inconnue de l&apos;application. Appelez le support.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="105"/>
        <source>The number is not valid for this line type. Check it.</source>
        <translation>Numéro non valide pour ce type de ligne. Vérifiez-le.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="108"/>
        <source>This value is not sold for this line type. Pick another value.</source>
        <translation>Cette valeur n&apos;est pas vendue pour ce type de ligne. Choisissez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="113"/>
        <source>This sale was already recorded; it is not sold twice.</source>
        <translation>Cette vente est déjà enregistrée ; elle ne sera pas faite deux fois.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="114"/>
        <source>Too many sales are waiting for the connection. Wait until they are sent.</source>
        <translation>Trop de ventes attendent la connexion. Attendez qu&apos;elles soient envoyées.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="117"/>
        <source>Too much money is waiting for the connection. Wait until those sales are sent.</source>
        <translation>Montant en attente de connexion trop élevé. Attendez que ces ventes soient envoyées.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="120"/>
        <source>A sale has waited for the connection too long. Check the internet, then sell again.</source>
        <translation>Une vente attend la connexion depuis trop longtemps. Vérifiez Internet, puis refaites la vente.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="124"/>
        <source>This sale is already being sent; it cannot be cancelled.</source>
        <translation>Cette vente est déjà en cours d&apos;envoi ; impossible de l&apos;annuler.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="129"/>
        <source>Something unexpected went wrong ({code}). Call support if it repeats.</source>
        <translation>Erreur inattendue ({code}). Appelez le support si cela se répète.</translation>
    </message>
    <message>
        <location filename="../../pos_app/orders/messages.py" line="132"/>
        <source>Unexpected error: {error}. Call support if it repeats.</source>
        <translation>Erreur inattendue : {error}. Appelez le support si cela se répète.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="35"/>
        <source>Line not checked: OneClickDZ cannot be reached. You can still sell; the sale waits for the connection.</source>
        <translation>Ligne non vérifiée : OneClickDZ injoignable. Vous pouvez vendre ; la vente attendra la connexion.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="40"/>
        <source>Line not checked: {reason}</source>
        <translation>Ligne non vérifiée : {reason}</translation>
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
        <translation>Saisissez le numéro de ligne : ADSL 0 + 8 chiffres, 4G 213 + 9 chiffres.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="60"/>
        <source>Only digits, please.</source>
        <translation>Chiffres uniquement, s&apos;il vous plaît.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="63"/>
        <source>An ADSL number starts with 0.</source>
        <translation>Un numéro ADSL commence par 0.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="65"/>
        <source>A 4G number starts with 213.</source>
        <translation>Un numéro 4G commence par 213.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="66"/>
        <source>A number starts with 0 (ADSL) or 213 (4G).</source>
        <translation>Un numéro commence par 0 (ADSL) ou 213 (4G).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="69"/>
        <source>This looks like a {other} number, but {kind} is forced. Press F2 to change the type.</source>
        <translation>Cela ressemble à un numéro {other}, mais {kind} est forcé. Appuyez sur F2 pour changer de type.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="79"/>
        <source>{kind}: {missing} more digit(s) ({expected} in all).</source>
        <translation>{kind} : encore {missing} chiffre(s) ({expected} au total).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="82"/>
        <source>{kind}: {extra} digit(s) too many ({expected} in all).</source>
        <translation>{kind} : {extra} chiffre(s) en trop ({expected} au total).</translation>
    </message>
</context>
</TS>
