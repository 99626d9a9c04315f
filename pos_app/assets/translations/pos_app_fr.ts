<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>About</name>
    <message>
        <location filename="../../ui/about.py" line="30"/>
        <source>About pos-app</source>
        <translation>À propos de pos-app</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="32"/>
        <source>Top-up counter for Algérie Télécom ADSL and 4G cards</source>
        <translation>Comptoir de recharges Algérie Télécom ADSL et 4G</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="33"/>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <location filename="../../ui/access/control.py" line="139"/>
        <location filename="../../ui/access/control.py" line="175"/>
        <location filename="../../ui/app.py" line="438"/>
        <source>Reading who may sell…</source>
        <translation>Lecture des personnes autorisées à vendre…</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="168"/>
        <source>The list of people could not be read (see the log). Press Enter to try again.</source>
        <translation>La liste des personnes n&apos;a pas pu être lue (voir le journal). Appuyez sur Entrée pour réessayer.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="188"/>
        <source>Training mode: nobody signs in.</source>
        <translation>Mode formation : personne ne se connecte.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="207"/>
        <source>No one to sign in yet: add a manager in Settings.</source>
        <translation>Personne ne peut encore se connecter : ajoutez un gérant dans les Réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="244"/>
        <source>Ctrl+L locks the counter.</source>
        <translation>Ctrl+L verrouille la caisse.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="246"/>
        <source>No manager yet: add one in Settings</source>
        <translation>Pas encore de gérant : ajoutez-en un dans les Réglages</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="292"/>
        <source>{name} is signed in.</source>
        <translation>{name} est connecté(e).</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="338"/>
        <location filename="../../ui/settings/launcher.py" line="151"/>
        <source>Not done: the action could not be noted (see the log).</source>
        <translation>Non fait : l&apos;action n&apos;a pas pu être enregistrée (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="363"/>
        <source>{name} is disabled: signed out.</source>
        <translation>{name} est désactivé(e) : session fermée.</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="448"/>
        <source>{name} is not a manager.</source>
        <translation>{name} n&apos;est pas gérant(e).</translation>
    </message>
    <message>
        <location filename="../../ui/access/control.py" line="408"/>
        <source>Sale {ref} cancelled.</source>
        <translation>Vente {ref} annulée.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="45"/>
        <source>The counter is locked</source>
        <translation>La caisse est verrouillée</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="49"/>
        <source>Pick your name (arrows or its first letters), type your PIN, press Enter.</source>
        <translation>Choisissez votre nom (flèches ou premières lettres), tapez votre code PIN, appuyez sur Entrée.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="60"/>
        <source>&amp;PIN:</source>
        <translation>Code &amp;PIN :</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="67"/>
        <source>Sign in (Enter)</source>
        <translation>Se connecter (Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="151"/>
        <source>Pick your name in the list first.</source>
        <translation>Choisissez d&apos;abord votre nom dans la liste.</translation>
    </message>
    <message>
        <location filename="../../ui/access/pin_field.py" line="119"/>
        <source>Checking the PIN…</source>
        <translation>Vérification du code PIN…</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="36"/>
        <source>Manager approval</source>
        <translation>Accord du gérant</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="40"/>
        <source>A manager must allow this: {action}</source>
        <translation>Un gérant doit autoriser ceci : {action}</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="46"/>
        <source>Manager: pick your name and type your PIN. The cashier stays signed in.</source>
        <translation>Gérant : choisissez votre nom et tapez votre code PIN. Le caissier reste connecté.</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="66"/>
        <source>Manager&apos;s &amp;PIN:</source>
        <translation>Code &amp;PIN du gérant :</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="74"/>
        <source>Allow (Enter)</source>
        <translation>Autoriser (Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="77"/>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../ui/access/manager_prompt.py" line="97"/>
        <source>This shop has no active manager.</source>
        <translation>Ce magasin n&apos;a aucun gérant actif.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="20"/>
        <source>manager</source>
        <translation>gérant</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="21"/>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="30"/>
        <source>Signed in: {name} ({role}) · Ctrl+L locks</source>
        <translation>Connecté : {name} ({role}) · Ctrl+L verrouille</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="40"/>
        <source>Wrong PIN. {n} more wrong PIN(s) lock {name} out.</source>
        <translation>Code PIN erroné. Encore {n} erreur(s) et {name} sera bloqué(e).</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="45"/>
        <source>{name} is locked out for now: ask a manager.</source>
        <translation>{name} est bloqué(e) pour le moment : demandez à un gérant.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="49"/>
        <source>Too many wrong PINs: {name} is locked out until {time}.</source>
        <translation>Trop de codes PIN erronés : {name} est bloqué(e) jusqu&apos;à {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="53"/>
        <source>{name} is disabled: ask a manager.</source>
        <translation>{name} est désactivé(e) : demandez à un gérant.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="55"/>
        <source>{name}&apos;s record was changed outside the app: a manager must check the books (pos-app verify).</source>
        <translation>La fiche de {name} a été modifiée hors de l’application : un gérant doit vérifier les registres (pos-app verify).</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="60"/>
        <source>{name} is not known here: pick a name in the list.</source>
        <translation>{name} est inconnu(e) ici : choisissez un nom dans la liste.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="68"/>
        <source>Open the settings</source>
        <translation>Ouvrir les réglages</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="70"/>
        <source>Close the day (Z report)</source>
        <translation>Clôturer la journée (rapport Z)</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="72"/>
        <source>Export the sales history</source>
        <translation>Exporter l&apos;historique des ventes</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="74"/>
        <source>Show or copy a full card code</source>
        <translation>Afficher ou copier un code de carte complet</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="76"/>
        <source>Cancel a sale not yet sent</source>
        <translation>Annuler une vente pas encore envoyée</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="78"/>
        <source>Print a card code again (duplicate receipt)</source>
        <translation>Réimprimer un code de carte (ticket DUPLICATA)</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="80"/>
        <source>Save a report (costs and margin) as PDF</source>
        <translation>Enregistrer un rapport (coûts et marge) en PDF</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="82"/>
        <source>Change the shop&apos;s people (add, PIN, disable)</source>
        <translation>Modifier les personnes de la boutique (ajout, PIN, désactivation)</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="87"/>
        <source>The PIN could not be checked (see the log). Try again.</source>
        <translation>Le code PIN n&apos;a pas pu être vérifié (voir le journal). Réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/access/texts.py" line="91"/>
        <source>Not allowed: no manager approved it. Nothing was done.</source>
        <translation>Non autorisé : aucun gérant ne l&apos;a accepté. Rien n&apos;a été fait.</translation>
    </message>
</context>
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../ui/status/balance.py" line="27"/>
        <source>Balance: …</source>
        <translation>Solde : …</translation>
    </message>
    <message>
        <location filename="../../ui/status/balance.py" line="50"/>
        <source>Balance: {amount}</source>
        <translation>Solde : {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/status/balance.py" line="55"/>
        <source>updated {time}</source>
        <translation>mis à jour à {time}</translation>
    </message>
    <message>
        <location filename="../../ui/status/balance.py" line="61"/>
        <source>Low balance: top up the account (under {limit})</source>
        <translation>Solde bas : rechargez le compte (moins de {limit})</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history/filters.py" line="42"/>
        <source>Search: {text}</source>
        <translation>Recherche : {text}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="45"/>
        <source>From: {day}</source>
        <translation>Du {day}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="48"/>
        <source>To: {day}</source>
        <translation>Au {day}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="51"/>
        <source>State: {states}</source>
        <translation>État : {states}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="56"/>
        <source>Type: {types}</source>
        <translation>Type : {types}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="59"/>
        <source>Counter: {names}</source>
        <translation>Caisse : {names}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="62"/>
        <source>Cashier: {names}</source>
        <translation>Caissier : {names}</translation>
    </message>
    <message>
        <location filename="../../ui/history/filters.py" line="63"/>
        <source>All sales</source>
        <translation>Toutes les ventes</translation>
    </message>
    <message>
        <location filename="../../ui/history/launcher.py" line="48"/>
        <source>Sales history (F3)</source>
        <translation>Historique des ventes (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="53"/>
        <source>Unconfirmed</source>
        <translation>Non confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="55"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="65"/>
        <source>Verifying</source>
        <translation>En vérification</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="67"/>
        <source>Code pending</source>
        <translation>Code en attente</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="82"/>
        <location filename="../../ui/history/screen.py" line="132"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="83"/>
        <location filename="../../ui/history/screen.py" line="134"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="84"/>
        <location filename="../../ui/history/screen.py" line="135"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="85"/>
        <location filename="../../ui/history/screen.py" line="136"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="86"/>
        <location filename="../../ui/history/screen.py" line="137"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="87"/>
        <location filename="../../ui/history/screen.py" line="138"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="88"/>
        <source>Card code</source>
        <translation>Code de la carte</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="89"/>
        <location filename="../../ui/history/screen.py" line="143"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="90"/>
        <location filename="../../ui/history/screen.py" line="142"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="91"/>
        <location filename="../../ui/history/screen.py" line="144"/>
        <source>Prints</source>
        <translation>Impressions</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="133"/>
        <source>Ref</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="139"/>
        <source>Card code (last 4)</source>
        <translation>Code de la carte (4 derniers)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="140"/>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="141"/>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="216"/>
        <location filename="../../ui/history/screen.py" line="819"/>
        <source>Sales history</source>
        <translation>Historique des ventes</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="236"/>
        <source>Number, ref or the card code&apos;s last digits</source>
        <translation>Numéro, réf. ou derniers chiffres du code de la carte</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="249"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="250"/>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="251"/>
        <source>All days</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="254"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="258"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="262"/>
        <source>All counters</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="265"/>
        <source>All cashiers</source>
        <translation>Tous les caissiers</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="298"/>
        <source>Reprint (F9)</source>
        <translation>Réimprimer (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="299"/>
        <source>Show code (Enter)</source>
        <translation>Afficher le code (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="290"/>
        <location filename="../../ui/history/screen.py" line="301"/>
        <source>Copy code (Ctrl+Shift+C)</source>
        <translation>Copier le code (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="303"/>
        <source>Export CSV (Ctrl+E)</source>
        <translation>Exporter en CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="305"/>
        <source>Export PDF (Ctrl+Shift+E)</source>
        <translation>Exporter en PDF (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="307"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="309"/>
        <source>Cancel export</source>
        <translation>Annuler l&apos;export</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="339"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="341"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="374"/>
        <source>Any day</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="529"/>
        <source>No sale matches.</source>
        <translation>Aucune vente ne correspond.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="531"/>
        <source>{n} sale(s)</source>
        <translation>{n} vente(s)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="533"/>
        <source>{n} sales shown, more as you scroll</source>
        <translation>{n} ventes affichées, d&apos;autres en faisant défiler</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="553"/>
        <source>Select a sale first.</source>
        <translation>Sélectionnez d&apos;abord une vente.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="568"/>
        <source>Reprint asked for {ref}.</source>
        <translation>Réimpression demandée pour {ref}.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="577"/>
        <source>This sale&apos;s card code cannot be read: the data key does not match this database. Put back the key file or keyring entry kept with it; pos-app verify says which.</source>
        <translation>Le code de la carte de cette vente est illisible : la clé de données ne correspond pas à cette base. Remettez le fichier de clé ou l’entrée du trousseau gardés avec elle ; pos-app verify indique lequel.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="598"/>
        <source>Card code · {number} · {value}</source>
        <translation>Code de la carte · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="603"/>
        <source>{state} · {number} · {value}</source>
        <translation>{state} · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="611"/>
        <source>Ref: {ref}</source>
        <translation>Réf. : {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="614"/>
        <source>Transaction: {number}</source>
        <translation>Transaction : {number}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="638"/>
        <source>This sale has no card code.</source>
        <translation>Cette vente n&apos;a pas de code de carte.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="645"/>
        <source>Card code copied.</source>
        <translation>Code de la carte copié.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="676"/>
        <source>Export the sales to CSV</source>
        <translation>Exporter les ventes en CSV</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="678"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="761"/>
        <source>Exporting to {file}: {n} sale(s) read…</source>
        <translation>Export vers {file} : {n} vente(s) lue(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="784"/>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="791"/>
        <source>The disk is full: the file was not written.</source>
        <translation>Le disque est plein : le fichier n&apos;a pas été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="793"/>
        <source>The file could not be written: choose another place.</source>
        <translation>Impossible d&apos;écrire le fichier : choisissez un autre emplacement.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="779"/>
        <source>{n} sale(s) written to {file}.</source>
        <translation>{n} vente(s) exportée(s) dans {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="706"/>
        <source>Export the sales to PDF</source>
        <translation>Exporter les ventes en PDF</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="708"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="796"/>
        <source>The export failed: unexpected error (see the log).</source>
        <translation>L&apos;export a échoué : erreur inattendue (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="822"/>
        <source>Printed {when}</source>
        <translation>Imprimé le {when}</translation>
    </message>
    <message>
        <location filename="../../ui/history/screen.py" line="828"/>
        <source>Only the {n} newest sales are listed; export to CSV for all of them.</source>
        <translation>Seules les {n} ventes les plus récentes sont listées ; exportez en CSV pour les avoir toutes.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>pos-app — ADSL and 4G top-ups</source>
        <translation>pos-app — Recharges ADSL et 4G</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source> [TRAINING]</source>
        <translation> [FORMATION]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>TRAINING MODE: local simulator, no real money, nothing is kept</source>
        <translation>MODE FORMATION : simulateur local, pas d&apos;argent réel, rien n&apos;est conservé</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Internet top-up</source>
        <translation>Recharge Internet</translation>
    </message>
    <message>
        <location filename="../../ui/history/launcher.py" line="66"/>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Card code copied.</source>
        <translation>Code de la carte copié.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="167"/>
        <source>Closing: finishing the work under way…</source>
        <translation>Fermeture : fin du travail en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>No API key is configured, so this is TRAINING MODE: no real money. To sell, enter the key in the settings (Ctrl+,) and start again.</source>
        <translation>Aucune clé API n&apos;est configurée : c&apos;est le MODE FORMATION, sans argent réel. Pour vendre, saisissez la clé dans les paramètres (Ctrl+,) puis relancez.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/launcher.py" line="62"/>
        <location filename="../../ui/settings/launcher.py" line="70"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/launcher.py" line="68"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../ui/sale/number_field.py" line="85"/>
        <location filename="../../ui/sale/number_field.py" line="87"/>
        <source>Line number</source>
        <translation>Numéro de ligne</translation>
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
        <translation>forcé (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/sale/number_field.py" line="232"/>
        <source>auto (F2)</source>
        <translation>auto (F2)</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../ui/orders/model.py" line="48"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="50"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="51"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="52"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="53"/>
        <source>Code / reason</source>
        <translation>Code / motif</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="62"/>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="64"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="66"/>
        <source>{n} h</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="67"/>
        <source>{n} d</source>
        <translation>{n} j</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="87"/>
        <source>Unconfirmed {elapsed}</source>
        <translation>Non confirmée {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="92"/>
        <source>{status} {elapsed}</source>
        <translation>{status} {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="102"/>
        <source>Verifying… {elapsed}</source>
        <translation>Vérification… {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="104"/>
        <source>Code pending… {elapsed}</source>
        <translation>Code en attente… {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="49"/>
        <location filename="../../ui/orders/model.py" line="83"/>
        <source>Waiting to send</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="51"/>
        <location filename="../../ui/orders/model.py" line="85"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="57"/>
        <location filename="../../ui/orders/model.py" line="94"/>
        <source>QUEUED: 12-48 h</source>
        <translation>QUEUED : 12-48 h</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="59"/>
        <location filename="../../ui/orders/model.py" line="96"/>
        <source>Fulfilled</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="61"/>
        <location filename="../../ui/orders/model.py" line="98"/>
        <source>Refunded</source>
        <translation>Remboursée</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="63"/>
        <location filename="../../ui/orders/model.py" line="100"/>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="69"/>
        <location filename="../../ui/orders/model.py" line="106"/>
        <source>No code: manager</source>
        <translation>Sans code : gérant</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="162"/>
        <source>Refused on retry. No cash back yet: an earlier try may still pass.</source>
        <translation>Refusé à la reprise. Ne rendez pas encore l’argent : un essai précédent peut aboutir.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="166"/>
        <source>Fulfilled; the card code is asked for again.</source>
        <translation>Livrée ; le code de la carte est redemandé.</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="71"/>
        <location filename="../../ui/orders/model.py" line="108"/>
        <source>Conflict: manager</source>
        <translation>Conflit : gérant</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="72"/>
        <location filename="../../ui/orders/model.py" line="109"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="152"/>
        <source>Sent as soon as OneClickDZ can be reached.</source>
        <translation>Envoyée dès que OneClickDZ est joignable.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="154"/>
        <source>The answer was lost: OneClickDZ is asked what became of the sale.</source>
        <translation>La réponse s&apos;est perdue : OneClickDZ est interrogé sur le sort de la vente.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="158"/>
        <source>Delivered later by OneClickDZ; the card code will show here.</source>
        <translation>Livrée plus tard par OneClickDZ ; le code de la carte s&apos;affichera ici.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="168"/>
        <source>No card code from the server: call the manager.</source>
        <translation>Le serveur n’a donné aucun code : appelez le gérant.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="170"/>
        <source>Another sale holds this ref on the server: no card to hand over.</source>
        <translation>Une autre vente porte cette référence sur le serveur : aucune carte à remettre.</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../ui/orders/panel.py" line="70"/>
        <source>Sales in progress</source>
        <translation>Ventes en cours</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="72"/>
        <source>Copy card code (Ctrl+Shift+C)</source>
        <translation>Copier le code de la carte (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="215"/>
        <source>Card code hidden · {number} · {value}</source>
        <translation>Code de carte masqué · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="221"/>
        <source>someone else</source>
        <translation>quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="223"/>
        <source>Sold by {name}: hidden since the counter changed hands. It shows again when {name} signs in, or with a manager&apos;s approval (Ctrl+Shift+C).</source>
        <translation>Vendu par {name} : masqué depuis le changement de personne au comptoir. Il réapparaît quand {name} se connecte, ou avec l&apos;accord d&apos;un gérant (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="249"/>
        <source>Card code · {number} · {value}</source>
        <translation>Code de la carte · {number} · {value}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/panel.py" line="80"/>
        <source>Cancel sale (Del)</source>
        <translation>Annuler la vente (Suppr)</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <location filename="../../ui/settings/people.py" line="88"/>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Les deux codes PIN diffèrent : saisissez deux fois le même code PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="101"/>
        <source>{name} is the last active manager: make someone else a manager first.</source>
        <translation>{name} est le dernier gérant actif : nommez d&apos;abord quelqu&apos;un d&apos;autre gérant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="144"/>
        <location filename="../../ui/settings/people.py" line="225"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="145"/>
        <location filename="../../ui/settings/people.py" line="226"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="146"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="147"/>
        <source>Locked until</source>
        <translation>Bloqué jusqu&apos;à</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="161"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="161"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="204"/>
        <source>Each change here is saved at once.</source>
        <translation>Chaque modification ici est enregistrée aussitôt.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="208"/>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="221"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="227"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>Code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="229"/>
        <source>PIN again</source>
        <translation>Code PIN à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="234"/>
        <source>The person selected</source>
        <translation>La personne sélectionnée</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="242"/>
        <source>Change the PIN</source>
        <translation>Changer le code PIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="245"/>
        <location filename="../../ui/settings/people.py" line="338"/>
        <location filename="../../ui/settings/people.py" line="342"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="251"/>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="253"/>
        <source>New PIN again</source>
        <translation>Nouveau code PIN à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="337"/>
        <source>Select a person in the list.</source>
        <translation>Sélectionnez une personne dans la liste.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="342"/>
        <source>Enable</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="376"/>
        <source>The list of people could not be read (see the log).</source>
        <translation>La liste des personnes n&apos;a pas pu être lue (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="400"/>
        <location filename="../../ui/settings/people.py" line="435"/>
        <source>Not added: see the reasons in red.</source>
        <translation>Non ajouté : voyez les raisons en rouge.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="403"/>
        <location filename="../../ui/settings/people.py" line="468"/>
        <location filename="../../ui/settings/people.py" line="498"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="428"/>
        <source>{name} added ({role}).</source>
        <translation>{name} ajouté(e) ({role}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="439"/>
        <location filename="../../ui/settings/setup.py" line="362"/>
        <source>Someone is already called {name}: choose another name.</source>
        <translation>Quelqu&apos;un s&apos;appelle déjà {name} : choisissez un autre nom.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="446"/>
        <source>The shop has no manager yet: the first person is a manager.</source>
        <translation>La boutique n&apos;a pas encore de gérant : la première personne est un gérant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="475"/>
        <source>The PIN was not changed.</source>
        <translation>Le code PIN n&apos;a pas été changé.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="485"/>
        <source>{name}&apos;s PIN is changed; their lock-out is cleared.</source>
        <translation>Le code PIN de {name} est changé ; son blocage est levé.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="506"/>
        <source>Nothing was changed.</source>
        <translation>Rien n&apos;a été changé.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="509"/>
        <source>{name} is disabled: they can no longer sign in.</source>
        <translation>{name} est désactivé(e) : cette personne ne peut plus se connecter.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="511"/>
        <source>{name} is enabled again.</source>
        <translation>{name} est de nouveau actif(ve).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="553"/>
        <source>No one is called {name} any more: the list is read again.</source>
        <translation>Plus personne ne s&apos;appelle {name} : la liste est relue.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/people.py" line="561"/>
        <source>Nothing was saved: the shop&apos;s database could not be written (see the log).</source>
        <translation>Rien n&apos;a été enregistré : la base de données de la boutique n&apos;a pas pu être écrite (voir le journal).</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/reprint.py" line="51"/>
        <source>Reprint receipt (F9)</source>
        <translation>Réimprimer le reçu (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/reprint.py" line="56"/>
        <source>Print the selected sale&apos;s receipt again (marked DUPLICATE).</source>
        <translation>Imprime à nouveau le reçu de la vente sélectionnée (marqué DUPLICATA).</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="143"/>
        <source>No receipt to reprint: select a sale in the list.</source>
        <translation>Aucun reçu à réimprimer : sélectionnez une vente dans la liste.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="161"/>
        <source>A print is still running and others wait: this receipt was not queued. Press F9 once they are done; the sale is saved.</source>
        <translation>Une impression est encore en cours et d&apos;autres attendent : ce reçu n&apos;a pas été mis en file. Appuyez sur F9 quand elles sont terminées ; la vente est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="171"/>
        <source>A print is still running: this receipt prints after it.</source>
        <translation>Une impression est encore en cours : ce reçu s&apos;imprimera après elle.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="193"/>
        <source>Receipt not printed: the printer settings cannot be used ({problem}). Fix them with pos-app config; the sale is saved.</source>
        <translation>Reçu non imprimé : les paramètres de l&apos;imprimante sont inutilisables ({problem}). Corrigez-les avec pos-app config ; la vente est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="227"/>
        <source>Receipt not printed. {reason} The sale is saved.</source>
        <translation>Reçu non imprimé. {reason} La vente est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="233"/>
        <source>Receipt not printed: no such sale.</source>
        <translation>Reçu non imprimé : vente introuvable.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="238"/>
        <source>Receipt not printed: unexpected error (see the log).</source>
        <translation>Reçu non imprimé : erreur inattendue (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="244"/>
        <source>Receipt printed (duplicate {copy}).</source>
        <translation>Reçu imprimé (duplicata {copy}).</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="248"/>
        <source>Receipt printed.</source>
        <translation>Reçu imprimé.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/service.py" line="263"/>
        <source>F9 reprints.</source>
        <translation>F9 pour réimprimer.</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="42"/>
        <source>Out of stock at OneClickDZ.</source>
        <translation>Rupture de stock chez OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="44"/>
        <source>More than the balance.</source>
        <translation>Dépasse le solde.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="69"/>
        <source>Press {key} to pick this value.</source>
        <translation>Appuyez sur {key} pour choisir cette valeur.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="81"/>
        <source>collect {price}</source>
        <translation>encaisser {price}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="112"/>
        <source>Loading card values…</source>
        <translation>Chargement des valeurs…</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="166"/>
        <source>There is no value number {key}.</source>
        <translation>Il n&apos;y a pas de valeur n° {key}.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/product_grid.py" line="194"/>
        <source>{kind} card values</source>
        <translation>Valeurs de carte {kind}</translation>
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
        <translation>Aucune valeur proposée pour ce type.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../receipts/texts.py" line="33"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="34"/>
        <source>Claim slip</source>
        <translation>Bon de retrait</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="35"/>
        <source>Refund slip</source>
        <translation>Bon de remboursement</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="36"/>
        <source>No. {number}</source>
        <translation>N° {number}</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="37"/>
        <source>DUPLICATE {copy}</source>
        <translation>DUPLICATA {copy}</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="38"/>
        <source>TRAINING: NOT A SALE, NO VALUE</source>
        <translation>FORMATION : PAS UNE VENTE, SANS VALEUR</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="39"/>
        <source>Tel. {phone}</source>
        <translation>Tél. {phone}</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="42"/>
        <source>Printed</source>
        <translation>Imprimé le</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="43"/>
        <source>Sale time</source>
        <translation>Vendu le</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="44"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="45"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="46"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="47"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="48"/>
        <source>Card value</source>
        <translation>Valeur de la carte</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="49"/>
        <source>Price paid</source>
        <translation>Prix payé</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="50"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="51"/>
        <source>Card code</source>
        <translation>Code de la carte</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="52"/>
        <source>Transaction no.</source>
        <translation>N° de transaction</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="53"/>
        <source>Processed</source>
        <translation>Traité le</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="54"/>
        <source>Ref</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="55"/>
        <source>To give back to the customer</source>
        <translation>À rendre au client</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="58"/>
        <source>ADSL</source>
        <translation>ADSL</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="59"/>
        <source>4G LTE</source>
        <translation>4G LTE</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="62"/>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="63"/>
        <source>Being sent</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="64"/>
        <source>Outcome not known yet: being checked</source>
        <translation>Résultat encore inconnu : en vérification</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="65"/>
        <source>Received by OneClickDZ, in progress</source>
        <translation>Reçue par OneClickDZ, en cours</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="66"/>
        <source>Queued by OneClickDZ (12 to 48 hours)</source>
        <translation>En file d&apos;attente chez OneClickDZ (12 à 48 heures)</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="67"/>
        <source>Being verified</source>
        <translation>En cours de vérification</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="68"/>
        <source>Done, card code not received yet</source>
        <translation>Effectuée, code de la carte pas encore reçu</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="69"/>
        <source>Card code missing: the manager checks</source>
        <translation>Code de la carte manquant : le gérant vérifie</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="70"/>
        <source>To be checked by the manager</source>
        <translation>À vérifier par le gérant</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="71"/>
        <source>Sold: card delivered</source>
        <translation>Vendue : carte livrée</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="72"/>
        <source>Failed: refunded by OneClickDZ</source>
        <translation>Échec : remboursée par OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="73"/>
        <source>Refused: nothing was charged</source>
        <translation>Refusée : rien n&apos;a été débité</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="74"/>
        <source>Cancelled before sending</source>
        <translation>Annulée avant l&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="77"/>
        <source>Your card will follow. Keep this slip and show it at the counter to collect the card code.</source>
        <translation>Votre carte suivra. Gardez ce bon et présentez-le à la caisse pour retirer le code de la carte.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="81"/>
        <source>OneClickDZ has queued this top-up: it can take 12 to 48 hours. Keep this slip and show it at the counter to collect the card code.</source>
        <translation>OneClickDZ a mis cette recharge en file d&apos;attente : cela peut prendre de 12 à 48 heures. Gardez ce bon et présentez-le à la caisse pour retirer le code de la carte.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="86"/>
        <source>The shop is checking this sale with OneClickDZ. Keep this slip and show it at the counter: the shop settles it with you.</source>
        <translation>La boutique vérifie cette vente auprès de OneClickDZ. Gardez ce bon et présentez-le à la caisse : la boutique réglera cela avec vous.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="91"/>
        <source>This sale needs the manager. Keep this slip and show it at the counter: the shop settles it with you.</source>
        <translation>Cette vente doit être vue par le gérant. Gardez ce bon et présentez-le à la caisse : la boutique réglera cela avec vous.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="96"/>
        <source>The top-up failed. The customer&apos;s money is to be given back.</source>
        <translation>La recharge a échoué. L&apos;argent du client doit lui être rendu.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="99"/>
        <source>The top-up was refused and nothing was charged. The money is to be given back.</source>
        <translation>La recharge a été refusée et rien n&apos;a été débité. L&apos;argent doit être rendu au client.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="102"/>
        <source>The sale was cancelled before it was sent. The money is to be given back.</source>
        <translation>La vente a été annulée avant l&apos;envoi. L&apos;argent doit être rendu au client.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="105"/>
        <source>Cancelled at the counter.</source>
        <translation>Annulée à la caisse.</translation>
    </message>
    <message>
        <location filename="../../receipts/texts.py" line="106"/>
        <source>Thank you for your visit</source>
        <translation>Merci de votre visite</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../ui/reports/screen.py" line="99"/>
        <source>Reports: X and Z</source>
        <translation>Rapports : X et Z</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="133"/>
        <source>&amp;Refresh the X report (F5)</source>
        <translation>&amp;Actualiser le rapport X (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="137"/>
        <source>&amp;Cash counted (DA):</source>
        <translation>&amp;Espèces comptées (DA) :</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="140"/>
        <source>whole dinars, e.g. 12500</source>
        <translation>dinars entiers, ex. 12500</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="146"/>
        <source>Close the &amp;day (Z)…</source>
        <translation>Clôturer la &amp;journée (Z)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="155"/>
        <source>&amp;Yes, close the period</source>
        <translation>&amp;Oui, clôturer la période</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="159"/>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="170"/>
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="173"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="176"/>
        <source>Past &amp;Z reports:</source>
        <translation>Rapports &amp;Z précédents :</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="190"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="228"/>
        <source>Z report no. {number}: stored, it cannot be changed.</source>
        <translation>Rapport Z n° {number} : enregistré, il ne peut plus être modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="234"/>
        <source>X report of the open period, since {since} (nothing is closed).</source>
        <translation>Rapport X de la période ouverte, depuis {since} (rien n&apos;est clôturé).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="273"/>
        <source>Type the cash counted in whole dinars, digits only.</source>
        <translation>Saisissez les espèces comptées en dinars entiers, chiffres seulement.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="326"/>
        <source>Making the X report…</source>
        <translation>Préparation du rapport X…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="333"/>
        <source>The report could not be made (see the log).</source>
        <translation>Le rapport n&apos;a pas pu être fait (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="341"/>
        <source>X report made.</source>
        <translation>Rapport X prêt.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="346"/>
        <source>Checking the journal…</source>
        <translation>Vérification du journal…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="357"/>
        <source>Z {number}: {opened} to {closed}, counter {counter}</source>
        <translation>Z {number} : du {opened} au {closed}, caisse {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="393"/>
        <source>no cash count</source>
        <translation>espèces non comptées</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="395"/>
        <source>cash counted {amount} DA</source>
        <translation>espèces comptées {amount} DA</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="400"/>
        <source>Close the period now, with {counted}? The Z report is stored and can never be changed; a new period opens.</source>
        <translation>Clôturer la période maintenant, avec {counted} ? Le rapport Z est enregistré et ne pourra jamais être modifié ; une nouvelle période commence.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="427"/>
        <location filename="../../ui/reports/screen.py" line="430"/>
        <source>Closing the period…</source>
        <translation>Clôture de la période…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="438"/>
        <source>The period was not closed (see the log).</source>
        <translation>La période n&apos;a pas été clôturée (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="455"/>
        <source>Z report no. {number} stored.</source>
        <translation>Rapport Z n° {number} enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="472"/>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="474"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="497"/>
        <source>The PDF could not be written to {path}.</source>
        <translation>Le PDF n&apos;a pas pu être écrit dans {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="503"/>
        <source>Report saved as {path}.</source>
        <translation>Rapport enregistré sous {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="516"/>
        <source>A print is still running and others wait: the report was not printed. Print it again once they are done.</source>
        <translation>Une impression est encore en cours et d&apos;autres attendent : le rapport n&apos;a pas été imprimé. Relancez l&apos;impression quand elles sont terminées.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="526"/>
        <source>A print is still running: the report prints after it.</source>
        <translation>Une impression est encore en cours : le rapport s&apos;imprimera après elle.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="538"/>
        <source>The report was not printed. {reason}</source>
        <translation>Le rapport n&apos;a pas été imprimé. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="546"/>
        <source>The report was not printed: unexpected error (see the log).</source>
        <translation>Le rapport n&apos;a pas été imprimé : erreur inattendue (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="552"/>
        <source>Report printed.</source>
        <translation>Rapport imprimé.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="248"/>
        <source>Journal: {rows} rows, chain head {head}: intact.</source>
        <translation>Journal : {rows} lignes, tête de chaîne {head} : intact.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/screen.py" line="254"/>
        <source>The journal was changed outside the app: {where} (run pos-app verify).</source>
        <translation>Le journal a été modifié hors de l’application : {where} (lancez pos-app verify).</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../ui/sale/panel.py" line="121"/>
        <source>Starting up: the sale can be confirmed in a moment.</source>
        <translation>Démarrage : la vente pourra être confirmée dans un instant.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="127"/>
        <source>Type a complete line number first.</source>
        <translation>Saisissez d&apos;abord un numéro de ligne complet.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="135"/>
        <source>Pick a card value: keys 1-9.</source>
        <translation>Choisissez une valeur : touches 1-9.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="181"/>
        <source>Sale recorded. Next customer.</source>
        <translation>Vente enregistrée. Client suivant.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="212"/>
        <source>Checking the line…</source>
        <translation>Vérification de la ligne…</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="226"/>
        <source>Offer: {offer}</source>
        <translation>Offre : {offer}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="229"/>
        <source>Customer: {ncli}</source>
        <translation>Client : {ncli}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="233"/>
        <source>Line found.</source>
        <translation>Ligne trouvée.</translation>
    </message>
    <message>
        <location filename="../../ui/sale/panel.py" line="244"/>
        <source>Enter: summary</source>
        <translation>Enter : récapitulatif</translation>
    </message>
</context>
<context>
    <name>SaleSummary</name>
    <message>
        <location filename="../../ui/sale/summary.py" line="39"/>
        <location filename="../../ui/sale/summary.py" line="87"/>
        <source>Check with the customer, then press Enter to sell</source>
        <translation>Vérifiez avec le client, puis appuyez sur Enter pour vendre</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="45"/>
        <source>Sell (Enter)</source>
        <translation>Vendre (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="48"/>
        <source>Back (Esc)</source>
        <translation>Retour (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="63"/>
        <source>Type: {kind}</source>
        <translation>Type : {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="66"/>
        <source>Number: {number}</source>
        <translation>Numéro : {number}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="69"/>
        <source>Card value: {value}</source>
        <translation>Valeur de la carte : {value}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="72"/>
        <source>Price to collect: {price}</source>
        <translation>À encaisser : {price}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="77"/>
        <source>Offer: {offer}</source>
        <translation>Offre : {offer}</translation>
    </message>
    <message>
        <location filename="../../ui/sale/summary.py" line="85"/>
        <source>Recording the sale…</source>
        <translation>Enregistrement de la vente…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="59"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="63"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="64"/>
        <source>Shop</source>
        <translation>Boutique</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="65"/>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="66"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="67"/>
        <source>Offline limits</source>
        <translation>Limites hors ligne</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="69"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="74"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="77"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="134"/>
        <source>The settings closed after 3 minutes without use; nothing unsaved was kept.</source>
        <translation>Les réglages se sont fermés après 3 minutes sans utilisation ; rien de non enregistré n&apos;a été gardé.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="160"/>
        <location filename="../../ui/settings/setup.py" line="311"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="170"/>
        <source>Saved. pos-app uses the new values from its next start.</source>
        <translation>Enregistré. pos-app utilise les nouvelles valeurs à son prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="26"/>
        <source>Plain http is refused: the key would travel in clear. Use https (http only for the local simulator on 127.0.0.1).</source>
        <translation>Le http simple est refusé : la clé circulerait en clair. Utilisez https (http seulement pour le simulateur local sur 127.0.0.1).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="32"/>
        <source>Not a usable address: check the host and the port.</source>
        <translation>Adresse inutilisable : vérifiez l&apos;hôte et le port.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="33"/>
        <source>An https:// address, such as https://api.oneclickdz.com/v3.</source>
        <translation>Une adresse https://, par exemple https://api.oneclickdz.com/v3.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="35"/>
        <source>1 to {n} letters (A-Z) and digits, such as {example}.</source>
        <translation>1 à {n} lettres (A-Z) et chiffres, par exemple {example}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="39"/>
        <source>Whole dinars, 0 or more.</source>
        <translation>Des dinars entiers, 0 ou plus.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="41"/>
        <source>The path of an image file that exists.</source>
        <translation>Le chemin d&apos;un fichier image existant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="43"/>
        <location filename="../../ui/settings/fields.py" line="51"/>
        <source>One line of at most {n} characters.</source>
        <translation>Une ligne d&apos;au plus {n} caractères.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="45"/>
        <source>A USB id in hex, such as 0x0416.</source>
        <translation>Un identifiant USB en hexadécimal, par exemple 0x0416.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="47"/>
        <source>A port number from 1 to 65535.</source>
        <translation>Un numéro de port de 1 à 65535.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="49"/>
        <source>Seconds, more than 0 and at most 300.</source>
        <translation>Des secondes, plus de 0 et au plus 300.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="52"/>
        <source>This value is not accepted.</source>
        <translation>Cette valeur n&apos;est pas acceptée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="123"/>
        <source>Needed.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="73"/>
        <source>No printer</source>
        <translation>Aucune imprimante</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="74"/>
        <source>Network (Ethernet, Wi-Fi)</source>
        <translation>Réseau (Ethernet, Wi-Fi)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="75"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="76"/>
        <source>Serial port</source>
        <translation>Port série</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="77"/>
        <source>Windows printer</source>
        <translation>Imprimante Windows</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="78"/>
        <source>File or device</source>
        <translation>Fichier ou périphérique</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="194"/>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="200"/>
        <source>API address</source>
        <translation>Adresse de l&apos;API</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="201"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="217"/>
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="220"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="221"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="223"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="226"/>
        <source>Logo (image file)</source>
        <translation>Logo (fichier image)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="240"/>
        <source>Receipt printer</source>
        <translation>Imprimante à tickets</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="242"/>
        <source>Printer address (IP or name)</source>
        <translation>Adresse de l&apos;imprimante (IP ou nom)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="243"/>
        <source>TCP port</source>
        <translation>Port TCP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="244"/>
        <source>USB vendor id</source>
        <translation>Identifiant fabricant USB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="245"/>
        <source>USB product id</source>
        <translation>Identifiant produit USB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="246"/>
        <source>Serial port (COM3, /dev/ttyUSB0)</source>
        <translation>Port série (COM3, /dev/ttyUSB0)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="247"/>
        <source>Speed (baud)</source>
        <translation>Vitesse (bauds)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="248"/>
        <source>Windows printer name</source>
        <translation>Nom de l&apos;imprimante Windows</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="249"/>
        <source>File or device path</source>
        <translation>Chemin du fichier ou du périphérique</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="274"/>
        <source>{mm} mm</source>
        <translation>{mm} mm</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="277"/>
        <source>Paper width</source>
        <translation>Largeur du papier</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="282"/>
        <source>Print the receipt when a sale is fulfilled</source>
        <translation>Imprimer le ticket quand une vente est livrée</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="287"/>
        <source>Print a claim slip when a sale is queued</source>
        <translation>Imprimer un bon de réclamation quand une vente est en file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="290"/>
        <source>Test page</source>
        <translation>Page de test</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="304"/>
        <source>Warn when the balance is under (DA)</source>
        <translation>Alerter sous ce solde (DA)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="307"/>
        <source>The computer&apos;s language</source>
        <translation>La langue de l&apos;ordinateur</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="310"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="315"/>
        <source>Counter id (in sale refs)</source>
        <translation>Identifiant de caisse (dans les réf. de vente)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="325"/>
        <source>Fixed in this version: sales wait offline up to these limits, then new sales are refused.</source>
        <translation>Fixé dans cette version : les ventes attendent hors ligne jusqu&apos;à ces limites, puis les nouvelles ventes sont refusées.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="334"/>
        <source>Sales waiting, at most</source>
        <translation>Ventes en attente, au plus</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="336"/>
        <source>Money waiting, at most</source>
        <translation>Montant en attente, au plus</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="340"/>
        <source>Oldest waiting sale, at most</source>
        <translation>Vente en attente la plus ancienne, au plus</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="341"/>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="371"/>
        <source>The stored value could not be used: the default is shown. Save to replace it.</source>
        <translation>La valeur enregistrée est inutilisable : la valeur par défaut est affichée. Enregistrez pour la remplacer.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="381"/>
        <location filename="../../ui/settings/form.py" line="534"/>
        <source>{env} overrides this on this computer.</source>
        <translation>{env} remplace ce réglage sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="385"/>
        <source>Some settings could not be read: the defaults are shown.</source>
        <translation>Certains paramètres n&apos;ont pas pu être lus : les valeurs par défaut sont affichées.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="400"/>
        <source>ONECLICK_API_KEY is set on this computer and overrides the key kept here.</source>
        <translation>ONECLICK_API_KEY est défini sur cet ordinateur et remplace la clé conservée ici.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="407"/>
        <source>Kept in the system keyring: {tail}. Type a new key to replace it.</source>
        <translation>Conservée dans le trousseau du système : {tail}. Saisissez une nouvelle clé pour la remplacer.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="412"/>
        <source>No key is kept yet.</source>
        <translation>Aucune clé n&apos;est encore conservée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="416"/>
        <source>This computer has no secure keyring: the key cannot be kept here. Set ONECLICK_API_KEY in pos-app&apos;s environment instead.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau sécurisé : la clé ne peut pas y être conservée. Définissez plutôt ONECLICK_API_KEY dans l&apos;environnement de pos-app.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="425"/>
        <source>Paste the key from your OneClickDZ account</source>
        <translation>Collez la clé de votre compte OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="437"/>
        <source>A key holds no such character (position {n}): paste it again.</source>
        <translation>Une clé ne contient pas ce caractère (position {n}) : collez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="465"/>
        <source>Needed for this printer.</source>
        <translation>Obligatoire pour cette imprimante.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="559"/>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="561"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="578"/>
        <location filename="../../ui/settings/form.py" line="744"/>
        <source>Type the API key first.</source>
        <translation>Saisissez d&apos;abord la clé API.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="590"/>
        <source>Asking OneClickDZ…</source>
        <translation>Interrogation de OneClickDZ…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="624"/>
        <source>OneClickDZ refused this key: it is not saved. Copy it again from your OneClickDZ account and press Test connection, or use training mode meanwhile.</source>
        <translation>OneClickDZ a refusé cette clé : elle n&apos;est pas enregistrée. Copiez-la à nouveau depuis votre compte OneClickDZ et appuyez sur Tester la connexion, ou utilisez le mode formation en attendant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="630"/>
        <source>A key was refused: press Test connection with this key before saving it, or use training mode meanwhile.</source>
        <translation>Une clé a été refusée : appuyez sur Tester la connexion avec cette clé avant de l&apos;enregistrer, ou utilisez le mode formation en attendant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="646"/>
        <source>Complete the printer&apos;s fields first.</source>
        <translation>Complétez d&apos;abord les champs de l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="649"/>
        <source>Printing a test page…</source>
        <translation>Impression d&apos;une page de test…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="661"/>
        <source>The test page was not printed: unexpected error (see the log).</source>
        <translation>La page de test n&apos;a pas été imprimée : erreur inattendue (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="665"/>
        <source>Test page sent to {printer}.</source>
        <translation>Page de test envoyée à {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="678"/>
        <location filename="../../ui/settings/setup.py" line="316"/>
        <source>The settings are still being read.</source>
        <translation>Les paramètres sont encore en cours de lecture.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="680"/>
        <location filename="../../ui/settings/form.py" line="687"/>
        <location filename="../../ui/settings/setup.py" line="333"/>
        <source>Some values are not accepted: see the reasons in red.</source>
        <translation>Certaines valeurs ne sont pas acceptées : voyez les raisons en rouge.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="690"/>
        <location filename="../../ui/settings/form.py" line="707"/>
        <source>Nothing was saved: the shop&apos;s database could not be written ({reason}). Every setting keeps its old value.</source>
        <translation>Rien n&apos;a été enregistré : la base de données de la boutique n&apos;a pas pu être écrite ({reason}). Chaque paramètre garde son ancienne valeur.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="696"/>
        <source>Nothing was saved: this computer has no secure keyring for the key. Set ONECLICK_API_KEY instead.</source>
        <translation>Rien n&apos;a été enregistré : cet ordinateur n&apos;a pas de trousseau sécurisé pour la clé. Définissez plutôt ONECLICK_API_KEY.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="702"/>
        <source>Nothing was saved: the system keyring refused to keep the key.</source>
        <translation>Rien n&apos;a été enregistré : le trousseau du système a refusé de conserver la clé.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="718"/>
        <source>SANDBOX key (tests, no real money)</source>
        <translation>Clé SANDBOX (tests, sans argent réel)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="720"/>
        <source>PRODUCTION key (real sales)</source>
        <translation>Clé PRODUCTION (ventes réelles)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="722"/>
        <source>Connected. {kind}, scope {scope}, account {account}, balance {balance}.</source>
        <translation>Connecté. {kind}, portée {scope}, compte {account}, solde {balance}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="731"/>
        <source>This key is DISABLED at OneClickDZ.</source>
        <translation>Cette clé est DÉSACTIVÉE chez OneClickDZ.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="738"/>
        <source>This shop&apos;s address is blocked for 15 minutes after wrong keys. Wait, then check the key.</source>
        <translation>L&apos;adresse de la boutique est bloquée 15 minutes après des clés erronées. Patientez, puis vérifiez la clé.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="746"/>
        <source>The key was refused. Check it (copy it again from your OneClickDZ account); it is not tried again by itself: five wrong keys block this shop&apos;s address for 15 minutes.</source>
        <translation>La clé a été refusée. Vérifiez-la (copiez-la à nouveau depuis votre compte OneClickDZ) ; elle n&apos;est pas réessayée d&apos;elle-même : cinq clés erronées bloquent l&apos;adresse de la boutique pendant 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="752"/>
        <source>A key holds no such character: paste it again.</source>
        <translation>Une clé ne contient pas ce caractère : collez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="754"/>
        <source>OneClickDZ cannot be reached: check the internet connection and the API address.</source>
        <translation>OneClickDZ est injoignable : vérifiez la connexion internet et l&apos;adresse de l&apos;API.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="759"/>
        <source>OneClickDZ did not answer in time. Try again in a moment.</source>
        <translation>OneClickDZ n&apos;a pas répondu à temps. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="761"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Try again in a minute.</source>
        <translation>Trop de requêtes : OneClickDZ demande de patienter un peu. Réessayez dans une minute.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="766"/>
        <source>OneClickDZ has a server problem. Try again later.</source>
        <translation>OneClickDZ a un problème de serveur. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="768"/>
        <source>The answer could not be read: is the API address right?</source>
        <translation>La réponse est illisible : l&apos;adresse de l&apos;API est-elle correcte ?</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="770"/>
        <source>The API address cannot be used: see the reason beside it.</source>
        <translation>L&apos;adresse de l&apos;API est inutilisable : voyez la raison à côté.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="772"/>
        <source>OneClickDZ refused the test ({code}).</source>
        <translation>OneClickDZ a refusé le test ({code}).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="776"/>
        <source>The test failed: unexpected error (see the log).</source>
        <translation>Le test a échoué : erreur inattendue (voir le journal).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/launcher.py" line="133"/>
        <source>The shop&apos;s people could not be read: open the settings from the selling window (pos-app without --demo).</source>
        <translation>Les personnes de la boutique n&apos;ont pas pu être lues : ouvrez les paramètres depuis la fenêtre de vente (pos-app sans --demo).</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../ui/settings/setup.py" line="81"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="82"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>Code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="83"/>
        <source>PIN again</source>
        <translation>Code PIN à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="98"/>
        <source>This shop has a manager already ({names}): the counter opens locked, sign in there.</source>
        <translation>Cette boutique a déjà un gérant ({names}) : la caisse s&apos;ouvre verrouillée, connectez-vous-y.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="115"/>
        <location filename="../../ui/settings/setup.py" line="372"/>
        <source>Type your name and the same PIN twice.</source>
        <translation>Saisissez votre nom et deux fois le même code PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="146"/>
        <source>Your OneClickDZ API key</source>
        <translation>Votre clé API OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="147"/>
        <source>Paste the API key of your OneClickDZ account, then press Test connection. It is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Collez la clé API de votre compte OneClickDZ, puis appuyez sur Tester la connexion. Elle est conservée dans le trousseau de cet ordinateur, jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="156"/>
        <source>Your shop</source>
        <translation>Votre boutique</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="157"/>
        <source>The name printed at the top of every receipt.</source>
        <translation>Le nom imprimé en haut de chaque ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="162"/>
        <source>Receipt printer (optional)</source>
        <translation>Imprimante à tickets (facultatif)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="163"/>
        <source>A network receipt printer needs its address; the others can be set later in the settings (Ctrl+,).</source>
        <translation>Une imprimante réseau a besoin de son adresse ; les autres se règlent plus tard dans les paramètres (Ctrl+,).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="172"/>
        <source>Manager: your name and a PIN (twice)</source>
        <translation>Gérant : votre nom et un code PIN (deux fois)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="173"/>
        <source>The manager opens the settings, closes the day and adds the cashiers. The PIN signs you in at the counter: keep it to yourself.</source>
        <translation>Le gérant ouvre les paramètres, clôture la journée et ajoute les caissiers. Le code PIN vous connecte à la caisse : gardez-le pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="200"/>
        <source>pos-app: first start</source>
        <translation>pos-app : premier démarrage</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="206"/>
        <source>Welcome. {n} steps and the counter is ready.</source>
        <translation>Bienvenue. {n} étapes et la caisse est prête.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="375"/>
        <source>The settings are saved, but the manager could not be added (see the log). Type the PIN twice again and finish.</source>
        <translation>Les paramètres sont enregistrés, mais le gérant n&apos;a pas pu être ajouté (voir le journal). Saisissez à nouveau le code PIN deux fois et terminez.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="214"/>
        <source>Use training mode (no key, no real money)</source>
        <translation>Utiliser le mode formation (sans clé, sans argent réel)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="233"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="234"/>
        <location filename="../../ui/settings/setup.py" line="288"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="280"/>
        <source>Step {n} of {total}: {title}</source>
        <translation>Étape {n} sur {total} : {title}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="288"/>
        <source>Finish and start selling</source>
        <translation>Terminer et commencer à vendre</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="319"/>
        <source>The key cannot be kept on this computer: set ONECLICK_API_KEY, or use training mode.</source>
        <translation>La clé ne peut pas être conservée sur cet ordinateur : définissez ONECLICK_API_KEY, ou utilisez le mode formation.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/setup.py" line="325"/>
        <source>Type the API key, or use training mode.</source>
        <translation>Saisissez la clé API, ou utilisez le mode formation.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status/bar.py" line="19"/>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="21"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="22"/>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="26"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="26"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="28"/>
        <source>API key refused</source>
        <translation>Clé API refusée</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="31"/>
        <source>{state} · {n} sale(s) waiting to be sent</source>
        <translation>{state} · {n} vente(s) en attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="35"/>
        <source>, oldest {age}</source>
        <translation>, la plus ancienne depuis {age}</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="47"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="49"/>
        <source>SANDBOX</source>
        <translation>TEST</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="51"/>
        <source>Test key: sales are not real.</source>
        <translation>Clé de test : les ventes ne sont pas réelles.</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="53"/>
        <source>TRAINING</source>
        <translation>FORMATION</translation>
    </message>
    <message>
        <location filename="../../ui/status/bar.py" line="56"/>
        <source>Demo mode: a local simulator, no real money.</source>
        <translation>Mode démo : simulateur local, pas d&apos;argent réel.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../orders/messages.py" line="26"/>
        <source>The request was refused as malformed. Check the number and the value, then try again.</source>
        <translation>Requête refusée car mal formée. Vérifiez le numéro et la valeur, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="30"/>
        <source>This line does not exist or is not of this type. Check the number with the customer.</source>
        <translation>Cette ligne n&apos;existe pas ou n&apos;est pas de ce type. Vérifiez le numéro avec le client.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="34"/>
        <source>This card value is out of stock. Offer another value.</source>
        <translation>Cette valeur est en rupture de stock. Proposez une autre valeur.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="14"/>
        <source>The account balance is too low for this card. Top up the account, then sell again.</source>
        <translation>Solde du compte insuffisant pour cette carte. Rechargez le compte, puis refaites la vente.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="39"/>
        <source>This sale was already received by OneClickDZ; it is being followed, not sold again.</source>
        <translation>Cette vente a déjà été reçue par OneClickDZ ; elle est suivie, pas refaite.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="18"/>
        <source>The API key was refused. Check it in the settings; after 5 wrong keys the shop is blocked for 15 minutes.</source>
        <translation>Clé API refusée. Vérifiez-la dans les paramètres ; après 5 clés erronées, la boutique est bloquée 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="50"/>
        <source>This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.</source>
        <translation>Boutique bloquée 15 minutes suite à des clés API erronées. Patientez, puis vérifiez la clé.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="54"/>
        <source>OneClickDZ does not know this sale. It will be checked again before anything is resent.</source>
        <translation>OneClickDZ ne connaît pas cette vente. Elle sera revérifiée avant tout renvoi.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="58"/>
        <source>Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.</source>
        <translation>Trop de requêtes : OneClickDZ demande de patienter un peu. Rien à faire, nouvel essai automatique.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="62"/>
        <source>OneClickDZ has a server problem. Sales wait and are retried; try again later.</source>
        <translation>OneClickDZ a un problème de serveur. Les ventes attendent et seront renvoyées ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="65"/>
        <source>OneClickDZ is down for maintenance. Sales wait and are sent when it is back.</source>
        <translation>OneClickDZ est en maintenance. Les ventes attendent et partiront à son retour.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="68"/>
        <source>OneClickDZ could not deliver the card and refunded the account. Sell again or offer another value.</source>
        <translation>OneClickDZ n&apos;a pas pu livrer la carte et a remboursé le compte. Refaites la vente ou proposez une autre valeur.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="77"/>
        <source>Cannot reach OneClickDZ (network down?). The sale waits and is sent when the connection is back.</source>
        <translation>OneClickDZ injoignable (réseau coupé ?). La vente attend et partira au retour de la connexion.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="82"/>
        <source>OneClickDZ did not answer in time. The sale is checked before anything is resent; do not sell it again.</source>
        <translation>OneClickDZ n&apos;a pas répondu à temps. La vente sera vérifiée avant tout renvoi ; ne la refaites pas.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="87"/>
        <source>OneClickDZ sent an unreadable answer. It is checked again automatically.</source>
        <translation>OneClickDZ a envoyé une réponse illisible. Nouvelle vérification automatique.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="93"/>
        <source>OneClickDZ refused the request for a reason this app does not know. Call support.</source>
        <translation>OneClickDZ a refusé la requête pour une raison inconnue de l&apos;application. Appelez le support.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="101"/>
        <source>The number is not valid for this line type. Check it.</source>
        <translation>Numéro non valide pour ce type de ligne. Vérifiez-le.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="104"/>
        <source>This value is not sold for this line type. Pick another value.</source>
        <translation>Cette valeur n&apos;est pas vendue pour ce type de ligne. Choisissez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="109"/>
        <source>This sale was already recorded; it is not sold twice.</source>
        <translation>Cette vente est déjà enregistrée ; elle ne sera pas faite deux fois.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="110"/>
        <source>Too many sales are waiting for the connection. Wait until they are sent.</source>
        <translation>Trop de ventes attendent la connexion. Attendez qu&apos;elles soient envoyées.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="113"/>
        <source>Too much money is waiting for the connection. Wait until those sales are sent.</source>
        <translation>Montant en attente de connexion trop élevé. Attendez que ces ventes soient envoyées.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="116"/>
        <source>A sale has waited for the connection too long. Check the internet, then sell again.</source>
        <translation>Une vente attend la connexion depuis trop longtemps. Vérifiez Internet, puis refaites la vente.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="120"/>
        <source>This sale is already being sent; it cannot be cancelled.</source>
        <translation>Cette vente est déjà en cours d&apos;envoi ; impossible de l&apos;annuler.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="125"/>
        <source>Something unexpected went wrong ({code}). Call support if it repeats.</source>
        <translation>Erreur inattendue ({code}). Appelez le support si cela se répète.</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="128"/>
        <source>Unexpected error: {error}. Call support if it repeats.</source>
        <translation>Erreur inattendue : {error}. Appelez le support si cela se répète.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>Line not checked: OneClickDZ cannot be reached. You can still sell; the sale waits for the connection.</source>
        <translation>Ligne non vérifiée : OneClickDZ injoignable. Vous pouvez vendre ; la vente attendra la connexion.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>Line not checked: {reason}</source>
        <translation>Ligne non vérifiée : {reason}</translation>
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
        <translation>Saisissez le numéro de ligne : ADSL 0 + 8 chiffres, 4G 213 + 9 chiffres.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>Only digits, please.</source>
        <translation>Chiffres uniquement, s&apos;il vous plaît.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>An ADSL number starts with 0.</source>
        <translation>Un numéro ADSL commence par 0.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>A 4G number starts with 213.</source>
        <translation>Un numéro 4G commence par 213.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>A number starts with 0 (ADSL) or 213 (4G).</source>
        <translation>Un numéro commence par 0 (ADSL) ou 213 (4G).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>This looks like a {other} number, but {kind} is forced. Press F2 to change the type.</source>
        <translation>Cela ressemble à un numéro {other}, mais {kind} est forcé. Appuyez sur F2 pour changer de type.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>{kind}: {missing} more digit(s) ({expected} in all).</source>
        <translation>{kind} : encore {missing} chiffre(s) ({expected} au total).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>{kind}: {extra} digit(s) too many ({expected} in all).</source>
        <translation>{kind} : {extra} chiffre(s) en trop ({expected} au total).</translation>
    </message>
    <message>
        <location filename="../../orders/messages.py" line="43"/>
        <source>No API key is configured. Enter it in the settings (Ctrl+,) or with pos-app config api_key, or start in training mode (--demo).</source>
        <translation>Aucune clé API n&apos;est configurée. Saisissez-la dans les paramètres (Ctrl+,) ou avec pos-app config api_key, ou démarrez en mode formation (--demo).</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <location filename="../../receipts/printers.py" line="52"/>
        <source>No receipt printer is set up. Choose one in the settings.</source>
        <translation>Aucune imprimante de reçus n&apos;est configurée. Choisissez-en une dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="55"/>
        <source>The printer {printer} is a Windows printer queue, which only works on Windows. Choose another connection in the settings.</source>
        <translation>L&apos;imprimante {printer} est une file d&apos;impression Windows, qui ne fonctionne que sous Windows. Choisissez un autre type de connexion dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="60"/>
        <source>The printer {printer} refused the connection. Check that it is on and that the address and port are right.</source>
        <translation>L&apos;imprimante {printer} a refusé la connexion. Vérifiez qu&apos;elle est allumée et que l&apos;adresse et le port sont corrects.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="65"/>
        <source>Cannot reach the printer {printer}. Check that it is on, on the network, and that the address is right.</source>
        <translation>Imprimante {printer} injoignable. Vérifiez qu&apos;elle est allumée, connectée au réseau, et que l&apos;adresse est correcte.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="70"/>
        <source>The printer {printer} is not found. Check its cable and power, and its name or ids in the settings.</source>
        <translation>Imprimante {printer} introuvable. Vérifiez son câble et son alimentation, ainsi que son nom ou ses identifiants dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="75"/>
        <source>This PC does not let the app use the printer {printer}. Check the printer driver and the user&apos;s rights on the port.</source>
        <translation>Ce PC ne permet pas à l&apos;application d&apos;utiliser l&apos;imprimante {printer}. Vérifiez le pilote de l&apos;imprimante et les droits de l&apos;utilisateur sur le port.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="80"/>
        <source>USB printing needs the libusb driver, which this PC lacks (printer {printer}). Install it, or use the printer&apos;s Windows queue.</source>
        <translation>L&apos;impression USB nécessite le pilote libusb, absent de ce PC (imprimante {printer}). Installez-le, ou utilisez la file d&apos;impression Windows de l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="85"/>
        <source>The serial port {printer} does not exist on this PC. Check the cable and the port name in the settings.</source>
        <translation>Le port série {printer} n&apos;existe pas sur ce PC. Vérifiez le câble et le nom du port dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="90"/>
        <source>Cannot write the receipt to {printer}. Check that the folder exists and may be written to.</source>
        <translation>Impossible d&apos;écrire le reçu dans {printer}. Vérifiez que le dossier existe et qu&apos;il est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="95"/>
        <source>The printer {printer} broke off while printing (switched off or unplugged?). Check it, then reprint.</source>
        <translation>L&apos;imprimante {printer} s&apos;est interrompue pendant l&apos;impression (éteinte ou débranchée ?). Vérifiez-la, puis réimprimez.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="100"/>
        <source>The printer {printer} stopped taking the receipt (out of paper, cover open or busy?). Check it, then reprint.</source>
        <translation>L&apos;imprimante {printer} a cessé de recevoir le reçu (plus de papier, capot ouvert ou occupée ?). Vérifiez-la, puis réimprimez.</translation>
    </message>
    <message>
        <location filename="../../receipts/printers.py" line="105"/>
        <source>The printer {printer} could not print ({reason}). Check it, then reprint.</source>
        <translation>L&apos;imprimante {printer} n&apos;a pas pu imprimer ({reason}). Vérifiez-la, puis réimprimez.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../domain/reports.py" line="76"/>
        <source>X report (mid-day, nothing closed)</source>
        <translation>Rapport X (en cours de journée, rien n&apos;est clôturé)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="77"/>
        <source>Z report no. {number} (period closed)</source>
        <translation>Rapport Z n° {number} (période clôturée)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="78"/>
        <source>Period: {since} to {until} (UTC)</source>
        <translation>Période : du {since} au {until} (UTC)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="79"/>
        <source>Counter: {counter}</source>
        <translation>Caisse : {counter}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="80"/>
        <source>Counter: all</source>
        <translation>Caisse : toutes</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="81"/>
        <source>Sales: {count}</source>
        <translation>Ventes : {count}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="82"/>
        <source>By state:</source>
        <translation>Par état :</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="83"/>
        <source>By type:</source>
        <translation>Par type :</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="84"/>
        <source>  {name}: {count} sales, face value {face_value}, price {price}, cost {cost}</source>
        <translation>  {name} : {count} ventes, valeur faciale {face_value}, prix {price}, coût {cost}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="87"/>
        <source>Face value sold: {amount}</source>
        <translation>Valeur faciale vendue : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="88"/>
        <source>Customers paid: {amount}</source>
        <translation>Payé par les clients : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="89"/>
        <source>Given back (refunded, rejected or cancelled): {amount}</source>
        <translation>Rendu aux clients (remboursé, refusé ou annulé) : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="92"/>
        <source>Cost to the shop: {amount}</source>
        <translation>Coût pour la boutique : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="93"/>
        <source>Margin: {amount}</source>
        <translation>Marge : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="94"/>
        <source>  {count} sales of unknown cost (price {amount}) are left out of the margin</source>
        <translation>  {count} ventes de coût inconnu (prix {amount}) sont exclues de la marge</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="97"/>
        <source>Unresolved sales: {count}</source>
        <translation>Ventes en suspens : {count}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="98"/>
        <source>  {ref}  {number}  {state}  {price}  {created_at}</source>
        <translation>  {ref}  {number}  {state}  {price}  {created_at}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="101"/>
        <source>OneClickDZ balance:</source>
        <translation>Solde OneClickDZ :</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="102"/>
        <source>  Opening balance: {amount}</source>
        <translation>  Solde d&apos;ouverture : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="103"/>
        <source>  - accepted sales ({count}): {amount}</source>
        <translation>  - ventes acceptées ({count}) : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="104"/>
        <source>  + refunds ({count}): {amount}</source>
        <translation>  + remboursements ({count}) : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="105"/>
        <source>  = Expected closing balance: {amount}</source>
        <translation>  = Solde de clôture attendu : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="106"/>
        <source>  Actual closing balance: {amount}</source>
        <translation>  Solde de clôture réel : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="107"/>
        <location filename="../../domain/reports.py" line="112"/>
        <source>  Difference: {amount}</source>
        <translation>  Écart : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="108"/>
        <location filename="../../receipts/report_render.py" line="98"/>
        <source>not read</source>
        <translation>non lu</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="109"/>
        <source>Cash in the drawer:</source>
        <translation>Espèces en caisse :</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="110"/>
        <source>  Expected: {amount}</source>
        <translation>  Attendu : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="111"/>
        <source>  Counted: {amount}</source>
        <translation>  Compté : {amount}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="113"/>
        <location filename="../../receipts/report_render.py" line="102"/>
        <source>not counted</source>
        <translation>non compté</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="114"/>
        <source>(before this period)</source>
        <translation>(avant cette période)</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="121"/>
        <source>No balance was read at or after the period&apos;s opening: no bridge.</source>
        <translation>Aucun solde lu à l&apos;ouverture de la période ou après : pas de rapprochement.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="124"/>
        <source>No balance was read at the period&apos;s end: the difference is unknown.</source>
        <translation>Aucun solde lu à la fin de la période : l&apos;écart est inconnu.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="127"/>
        <source>The opening balance was first read at {at}, after the period began: sales accepted before then are counted twice.</source>
        <translation>Le solde d&apos;ouverture a été lu pour la première fois le {at}, après le début de la période : les ventes acceptées avant ce moment sont comptées deux fois.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="132"/>
        <source>The closing balance was read at {at}, after the period ended.</source>
        <translation>Le solde de clôture a été lu le {at}, après la fin de la période.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="135"/>
        <source>The balance agrees with the sales.</source>
        <translation>Le solde concorde avec les ventes.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="136"/>
        <source>{count} unresolved sales of unknown outcome may account for up to {amount} of the difference.</source>
        <translation>{count} ventes en suspens, de résultat inconnu, peuvent expliquer jusqu&apos;à {amount} de l&apos;écart.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="140"/>
        <source>The balance is {amount} higher than the sales say: this may be a top-up of the account.</source>
        <translation>Le solde dépasse de {amount} ce qu&apos;indiquent les ventes : il peut s&apos;agir d&apos;un rechargement du compte.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="144"/>
        <source>The balance is {amount} lower than the sales say: the first sign of a sale or charge the app does not know about. Compare the supplier&apos;s list of orders with the history.</source>
        <translation>Le solde est inférieur de {amount} à ce qu&apos;indiquent les ventes : premier signe d&apos;une vente ou d&apos;un débit que l&apos;application ne connaît pas. Comparez la liste des commandes du fournisseur avec l&apos;historique.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="149"/>
        <source>{count} accepted sales have no known cost and are not in the bridge.</source>
        <translation>{count} ventes acceptées n&apos;ont pas de coût connu et ne figurent pas dans le rapprochement.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="152"/>
        <source>{count} refunds have no known cost and are not in the bridge.</source>
        <translation>{count} remboursements n&apos;ont pas de coût connu et ne figurent pas dans le rapprochement.</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="155"/>
        <source>These figures are of counter {counter} only, the balance is the whole account&apos;s: other counters&apos; sales show as a difference.</source>
        <translation>Ces chiffres ne concernent que la caisse {counter}, mais le solde est celui de tout le compte : les ventes des autres caisses apparaissent comme un écart.</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="62"/>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="63"/>
        <source>Z report no. {number}</source>
        <translation>Rapport Z n° {number}</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="64"/>
        <source>Mid-day: nothing is closed</source>
        <translation>En cours de journée : rien n&apos;est clôturé</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="65"/>
        <source>Period closed: this report cannot change</source>
        <translation>Période clôturée : ce rapport ne peut plus changer</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="66"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="67"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="68"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="69"/>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="70"/>
        <source>Printed</source>
        <translation>Imprimé le</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="71"/>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="72"/>
        <source>By state</source>
        <translation>Par état</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="73"/>
        <source>By type</source>
        <translation>Par type</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="74"/>
        <source>Face value sold</source>
        <translation>Valeur faciale vendue</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="75"/>
        <source>Customers paid</source>
        <translation>Payé par les clients</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="76"/>
        <source>Given back</source>
        <translation>Rendu aux clients</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="77"/>
        <source>Cost to the shop</source>
        <translation>Coût pour la boutique</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="78"/>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="79"/>
        <source>Unresolved sales</source>
        <translation>Ventes en suspens</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="80"/>
        <source>sold before this period</source>
        <translation>vendue avant cette période</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="84"/>
        <source>… and {count} more: the history screen lists them all (filter by state).</source>
        <translation>… et {count} de plus : l&apos;historique les liste toutes (filtre par état).</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="90"/>
        <source>OneClickDZ balance</source>
        <translation>Solde OneClickDZ</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="91"/>
        <source>Opening balance</source>
        <translation>Solde d&apos;ouverture</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="92"/>
        <source>− accepted sales ({count})</source>
        <translation>− ventes acceptées ({count})</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="93"/>
        <source>+ refunds ({count})</source>
        <translation>+ remboursements ({count})</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="94"/>
        <source>= expected balance</source>
        <translation>= solde attendu</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="95"/>
        <source>Actual balance</source>
        <translation>Solde réel</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="96"/>
        <source>read at {time}</source>
        <translation>lu le {time}</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="97"/>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="99"/>
        <source>Cash in the drawer</source>
        <translation>Espèces en caisse</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="100"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="101"/>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="105"/>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="106"/>
        <source>Being sent</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="107"/>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="108"/>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="109"/>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="110"/>
        <source>Being verified</source>
        <translation>En vérification</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="111"/>
        <source>Code pending</source>
        <translation>Code en attente</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="112"/>
        <source>Code missing</source>
        <translation>Code manquant</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="113"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="114"/>
        <source>Fulfilled</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="115"/>
        <source>Refunded</source>
        <translation>Remboursée</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="116"/>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="117"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="115"/>
        <source>Journal: {rows} rows, chain head {head}</source>
        <translation>Journal : {rows} lignes, tête de chaîne {head}</translation>
    </message>
    <message>
        <location filename="../../domain/reports.py" line="116"/>
        <source>  The journal was changed outside the app (found before this report).</source>
        <translation>  Le journal a été modifié hors de l’application (constaté avant ce rapport).</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="81"/>
        <source>Journal rows</source>
        <translation>Lignes du journal</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="82"/>
        <source>Chain head</source>
        <translation>Tête de chaîne</translation>
    </message>
    <message>
        <location filename="../../receipts/report_render.py" line="83"/>
        <source>The journal was changed outside the app</source>
        <translation>Le journal a été modifié hors de l’application</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <location filename="../../domain/users.py" line="50"/>
        <source>Type a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="51"/>
        <source>A name has at most 40 characters.</source>
        <translation>Un nom compte au plus 40 caractères.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="52"/>
        <source>A name cannot hold tabs, line breaks or invisible characters.</source>
        <translation>Un nom ne peut contenir ni tabulation, ni saut de ligne, ni caractère invisible.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="112"/>
        <source>Type a PIN of 4 to 8 digits.</source>
        <translation>Saisissez un code PIN de 4 à 8 chiffres.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="113"/>
        <source>A PIN is made of the digits 0 to 9 only.</source>
        <translation>Un code PIN ne contient que les chiffres 0 à 9.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="116"/>
        <source>A PIN has at least 4 digits.</source>
        <translation>Un code PIN compte au moins 4 chiffres.</translation>
    </message>
    <message>
        <location filename="../../domain/users.py" line="117"/>
        <source>A PIN has at most 8 digits.</source>
        <translation>Un code PIN compte au plus 8 chiffres.</translation>
    </message>
</context>
</TS>
