<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
  <context>
    <name>Newsroom</name>
    <message>
      <source>&amp;Bestand</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Demo</source>
      <translation>&amp;Demo</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Lijst</source>
      <translation>&amp;List</translation>
    </message>
    <message>
      <source>&amp;Zaak</source>
      <translation>&amp;Case</translation>
    </message>
    <message>
      <source>(demo)</source>
      <translation>(demo)</translation>
    </message>
    <message>
      <source>Aan wie geeft u deze zaak?</source>
      <translation>Who do you give this case to?</translation>
    </message>
    <message>
      <source>Aantal</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>Aantal zaken in de lijst</source>
      <translation>Number of cases in the list</translation>
    </message>
    <message>
      <source>Account aanmaken en beginnen</source>
      <translation>Create account and start</translation>
    </message>
    <message>
      <source>Afdeling</source>
      <translation>Department</translation>
    </message>
    <message>
      <source>Afgehandeld</source>
      <translation>Resolved</translation>
    </message>
    <message>
      <source>Afhandelen</source>
      <translation>Resolve</translation>
    </message>
    <message>
      <source>Afsluiten</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>Afsplitsen</source>
      <translation>Split off</translation>
    </message>
    <message>
      <source>Afzender</source>
      <translation>Sender</translation>
    </message>
    <message>
      <source>Algemeen</source>
      <translation>General</translation>
    </message>
    <message>
      <source>Alle berichten van deze zaak over alle kanalen, oudste eerst. Alleen lezen.</source>
      <translation>All messages of this case across all channels, oldest first. Read only.</translation>
    </message>
    <message>
      <source>Alle open zaken</source>
      <translation>All open cases</translation>
    </message>
    <message>
      <source>Alle sneltoetsen van Newsroom. Escape sluit.</source>
      <translation>All keyboard shortcuts of Newsroom. Escape closes.</translation>
    </message>
    <message>
      <source>Alle zaken</source>
      <translation>All cases</translation>
    </message>
    <message>
      <source>Alleen cijfers. Hieronder ziet u over welke zaak het gaat.</source>
      <translation>Digits only. Below you see which case it is.</translation>
    </message>
    <message>
      <source>Alles gaat met het toetsenbord: j en k lopen door de lijst, Enter opent, / zoekt, c claimt, d stuurt naar een afdeling, r schrijft een antwoord. Een vraagteken toont alle toetsen.</source>
      <translation>Everything works from the keyboard: j and k move through the list, Enter opens, / searches, c claims, d sends to a department, r writes a reply. A question mark shows all keys.</translation>
    </message>
    <message>
      <source>Alles wat er met deze zaak gebeurde, oudste eerst.</source>
      <translation>Everything that happened to this case, oldest first.</translation>
    </message>
    <message>
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Antwoord aan de burger (concept)</source>
      <translation>Reply to the citizen (draft)</translation>
    </message>
    <message>
      <source>Antwoorden</source>
      <translation>Reply</translation>
    </message>
    <message>
      <source>Behandelaar</source>
      <translation>Assignee</translation>
    </message>
    <message>
      <source>Bericht</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Bericht afsplitsen van zaak {id}</source>
      <translation>Split a message off case {id}</translation>
    </message>
    <message>
      <source>Bericht {id} is nu zaak {case}.</source>
      <translation>Message {id} is now case {case}.</translation>
    </message>
    <message>
      <source>Bericht {id}: {who} — {text}</source>
      <translation>Message {id}: {who} — {text}</translation>
    </message>
    <message>
      <source>Beste treffer eerst</source>
      <translation>Best match first</translation>
    </message>
    <message>
      <source>Bewaar de instellingen.</source>
      <translation>Save the settings.</translation>
    </message>
    <message>
      <source>Bewaar het concept-antwoord.</source>
      <translation>Save the draft reply.</translation>
    </message>
    <message>
      <source>Bewaart het antwoord als concept bij de zaak (Ctrl+Enter).</source>
      <translation>Saves the reply as a draft with the case (Ctrl+Enter).</translation>
    </message>
    <message>
      <source>Bewaren</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Bijvoorbeeld: gebeld met de afdeling, ze pakken het morgen op.</source>
      <translation>For example: called the department, they will pick it up tomorrow.</translation>
    </message>
    <message>
      <source>Binnen</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Claimen</source>
      <translation>Claim</translation>
    </message>
    <message>
      <source>Collega</source>
      <translation>Colleague</translation>
    </message>
    <message>
      <source>Concept bewaard om {time}.</source>
      <translation>Draft saved at {time}.</translation>
    </message>
    <message>
      <source>Concept bewaren</source>
      <translation>Save draft</translation>
    </message>
    <message>
      <source>Concept-antwoord</source>
      <translation>Draft reply</translation>
    </message>
    <message>
      <source>Concept-antwoord bij zaak {id} bewaard; er is niets verstuurd.</source>
      <translation>Draft reply for case {id} saved; nothing was sent.</translation>
    </message>
    <message>
      <source>Controleer of de map bestaat en schrijfbaar is, en of Newsroom niet al openstaat. Kies een andere map met 'newsroom --data-dir MAP'.</source>
      <translation>Check that the folder exists and can be written, and that Newsroom is not already open. Choose another folder with 'newsroom --data-dir FOLDER'.</translation>
    </message>
    <message>
      <source>Ctrl+Enter bewaart, Escape annuleert.</source>
      <translation>Ctrl+Enter saves, Escape cancels.</translation>
    </message>
    <message>
      <source>Dat kan zo niet</source>
      <translation>That cannot be done</translation>
    </message>
    <message>
      <source>Dat lukte niet</source>
      <translation>That did not work</translation>
    </message>
    <message>
      <source>De database gaf een probleem: {problem} Probeer het zo nog eens.</source>
      <translation>The database reported a problem: {problem} Please try again in a moment.</translation>
    </message>
    <message>
      <source>De demo kon niet worden klaargezet.</source>
      <translation>The demo could not be prepared.</translation>
    </message>
    <message>
      <source>De gekozen zaak</source>
      <translation>The chosen case</translation>
    </message>
    <message>
      <source>De inbox van het communicatieteam: weergaven, zaken en de gekozen zaak.</source>
      <translation>The communication team's inbox: views, cases and the chosen case.</translation>
    </message>
    <message>
      <source>De map met de database van Newsroom op deze computer.</source>
      <translation>The folder with Newsroom's database on this computer.</translation>
    </message>
    <message>
      <source>De notitie was leeg en is niet bewaard.</source>
      <translation>The note was empty and was not saved.</translation>
    </message>
    <message>
      <source>De taal van Newsroom. Nederlands of Engels.</source>
      <translation>Newsroom's language. Dutch or English.</translation>
    </message>
    <message>
      <source>De volgorde van de inbox.</source>
      <translation>The order of the inbox.</translation>
    </message>
    <message>
      <source>De weergave die u het laatst koos.</source>
      <translation>The view you chose last.</translation>
    </message>
    <message>
      <source>De zaken van de gekozen weergave. j en k of de pijltjes lopen erdoor, Enter opent een zaak.</source>
      <translation>The cases of the chosen view. j and k or the arrow keys move through them, Enter opens a case.</translation>
    </message>
    <message>
      <source>Demo bekijken</source>
      <translation>Try the demo</translation>
    </message>
    <message>
      <source>Demo-berichten</source>
      <translation>Demo messages</translation>
    </message>
    <message>
      <source>Demo-berichten pauzeren of hervatten</source>
      <translation>Pause or resume demo messages</translation>
    </message>
    <message>
      <source>Demo: berichten komen binnen ({n} nieuw) — Ctrl+P pauzeert</source>
      <translation>Demo: messages arriving ({n} new) — Ctrl+P pauses</translation>
    </message>
    <message>
      <source>Demo: berichten laten binnenkomen bij de start</source>
      <translation>Demo: let messages arrive at start</translation>
    </message>
    <message>
      <source>Demo: gepauzeerd ({n} nieuw) — Ctrl+P hervat</source>
      <translation>Demo: paused ({n} new) — Ctrl+P resumes</translation>
    </message>
    <message>
      <source>Demo: seconden tussen nieuwe berichten</source>
      <translation>Demo: seconds between new messages</translation>
    </message>
    <message>
      <source>Deze selectie kan niet: {problem}</source>
      <translation>This selection is not possible: {problem}</translation>
    </message>
    <message>
      <source>Deze zaak is samengevoegd met zaak {id}; werk daar verder.</source>
      <translation>This case was merged into case {id}; continue there.</translation>
    </message>
    <message>
      <source>Deze zoekopdracht bevat geen woorden om naar te zoeken. Typ een woord, bijvoorbeeld 'afval'.</source>
      <translation>This search has no words to look for. Type a word, for example 'afval'.</translation>
    </message>
    <message>
      <source>Donker</source>
      <translation>Dark</translation>
    </message>
    <message>
      <source>Doorgezet</source>
      <translation>Handed off</translation>
    </message>
    <message>
      <source>Doorsturen</source>
      <translation>Send</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Een andere taal geldt meteen voor nieuwe vensters en helemaal na een herstart.</source>
      <translation>Another language applies at once to new windows, and everywhere after a restart.</translation>
    </message>
    <message>
      <source>Een heel lang bericht is ingekort; dit toont het helemaal.</source>
      <translation>A very long message was shortened; this shows all of it.</translation>
    </message>
    <message>
      <source>Een interne notitie voor collega's. De burger ziet haar nooit.</source>
      <translation>An internal note for colleagues. The citizen never sees it.</translation>
    </message>
    <message>
      <source>Een woord dat de zaak vindbaar maakt, zoals 'afval' of 'storm'. Bestaande labels worden voorgesteld.</source>
      <translation>A word that makes the case easy to find, such as 'afval' or 'storm'. Existing tags are suggested.</translation>
    </message>
    <message>
      <source>Eerst nodig</source>
      <translation>Needed first</translation>
    </message>
    <message>
      <source>Eerst wat het eerst een antwoord nodig heeft, of de nieuwste berichten bovenaan.</source>
      <translation>First what needs an answer first, or the newest messages on top.</translation>
    </message>
    <message>
      <source>Eigen nieuwsredactie beginnen</source>
      <translation>Start your own newsroom</translation>
    </message>
    <message>
      <source>Elk kanaal</source>
      <translation>Any channel</translation>
    </message>
    <message>
      <source>Elk label</source>
      <translation>Any tag</translation>
    </message>
    <message>
      <source>Elke afdeling</source>
      <translation>Any department</translation>
    </message>
    <message>
      <source>Elke prioriteit</source>
      <translation>Any priority</translation>
    </message>
    <message>
      <source>Elke status</source>
      <translation>Any status</translation>
    </message>
    <message>
      <source>Er ging iets onverwachts mis ({kind}). Het is vastgelegd in het logboek; probeer het opnieuw of start Newsroom opnieuw.</source>
      <translation>Something unexpected went wrong ({kind}). It was written to the log; try again or restart Newsroom.</translation>
    </message>
    <message>
      <source>Er ging iets onverwachts mis ({kind}); het staat in {log}. Werk gewoon verder of start Newsroom opnieuw.</source>
      <translation>Something unexpected went wrong ({kind}); it is in {log}. Carry on working or restart Newsroom.</translation>
    </message>
    <message>
      <source>Er is geen actieve gebruiker '{name}' in deze gegevens. Kies uw naam.</source>
      <translation>There is no active user '{name}' in this data. Choose your name.</translation>
    </message>
    <message>
      <source>Er is geen zaak {id}.</source>
      <translation>There is no case {id}.</translation>
    </message>
    <message>
      <source>Er staat nog niemand in deze gegevens. Bekijk eerst de demo: een verzonnen gemeente, Stadsveen, waar terwijl u kijkt berichten binnenkomen. De demo staat in een eigen map en raakt uw eigen gegevens nooit.</source>
      <translation>There is nobody in this data yet. Try the demo first: an invented municipality, Stadsveen, where messages arrive while you watch. The demo lives in a folder of its own and never touches your own data.</translation>
    </message>
    <message>
      <source>Er zijn nog geen afdelingen. Een beheerder voegt ze toe met 'newsroom department add'.</source>
      <translation>There are no departments yet. An admin adds them with 'newsroom department add'.</translation>
    </message>
    <message>
      <source>Filters wissen</source>
      <translation>Clear filters</translation>
    </message>
    <message>
      <source>Ga naar de volgende zaak in de lijst en open haar.</source>
      <translation>Go to the next case in the list and open it.</translation>
    </message>
    <message>
      <source>Ga naar de vorige zaak in de lijst en open haar.</source>
      <translation>Go to the previous case in the list and open it.</translation>
    </message>
    <message>
      <source>Ga naar het zoekvak.</source>
      <translation>Go to the search box.</translation>
    </message>
    <message>
      <source>Ga terug naar de lijst met zaken.</source>
      <translation>Go back to the list of cases.</translation>
    </message>
    <message>
      <source>Gaat zaak {id} over hetzelfde als een andere zaak? Typ het nummer van die zaak. De berichten, notities en labels van zaak {id} gaan daarheen; zaak {id} wordt gesloten.</source>
      <translation>Is case {id} about the same thing as another case? Type the number of that case. The messages, notes and tags of case {id} move there; case {id} is closed.</translation>
    </message>
    <message>
      <source>Gebruiker</source>
      <translation>User</translation>
    </message>
    <message>
      <source>Gebruikersnaam</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>Geef de zaak aan een collega.</source>
      <translation>Give the case to a colleague.</translation>
    </message>
    <message>
      <source>Geef de zaak een label.</source>
      <translation>Tag the case.</translation>
    </message>
    <message>
      <source>Geef de zaak terug aan de wachtrij.</source>
      <translation>Give the case back to the queue.</translation>
    </message>
    <message>
      <source>Geen zaak gekozen</source>
      <translation>No case chosen</translation>
    </message>
    <message>
      <source>Geen zaak gekozen.

Kies een zaak in de lijst met j en k of de pijltjes; Enter opent haar hier.</source>
      <translation>No case chosen.

Choose a case in the list with j and k or the arrow keys; Enter opens it here.</translation>
    </message>
    <message>
      <source>Gegevens</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Geschiedenis</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Geschiedenis tonen</source>
      <translation>Show history</translation>
    </message>
    <message>
      <source>Gesloten</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>Gesprek</source>
      <translation>Conversation</translation>
    </message>
    <message>
      <source>Gesprek tonen</source>
      <translation>Show conversation</translation>
    </message>
    <message>
      <source>Gesprek, notities en geschiedenis van de zaak. Alt+1, Alt+2 en Alt+3 wisselen.</source>
      <translation>Conversation, notes and history of the case. Alt+1, Alt+2 and Alt+3 switch.</translation>
    </message>
    <message>
      <source>Haal een label van de zaak.</source>
      <translation>Remove a tag from the case.</translation>
    </message>
    <message>
      <source>Het account kon niet worden aangemaakt.</source>
      <translation>The account could not be created.</translation>
    </message>
    <message>
      <source>Het concept is leeg. Schrijf eerst een antwoord.</source>
      <translation>The draft is empty. Write a reply first.</translation>
    </message>
    <message>
      <source>Hoe collega's u zien, bijvoorbeeld 'Sanne de Vries'.</source>
      <translation>How colleagues see you, for example 'Sanne de Vries'.</translation>
    </message>
    <message>
      <source>Hoe dringend is deze zaak?</source>
      <translation>How urgent is this case?</translation>
    </message>
    <message>
      <source>Hoe vaak de demo nieuwe berichten van burgers laat binnenkomen.</source>
      <translation>How often new citizen messages arrive in the demo.</translation>
    </message>
    <message>
      <source>Hoog</source>
      <translation>High</translation>
    </message>
    <message>
      <source>Iemand was u voor</source>
      <translation>Someone was ahead of you</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>Inbox</translation>
    </message>
    <message>
      <source>Ingelogd als {name}</source>
      <translation>Signed in as {name}</translation>
    </message>
    <message>
      <source>Instellingen</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Instellingen bewaard.</source>
      <translation>Settings saved.</translation>
    </message>
    <message>
      <source>Instellingen…</source>
      <translation>Settings…</translation>
    </message>
    <message>
      <source>Interne notities van collega's; de burger ziet ze nooit.</source>
      <translation>Internal notes of colleagues; the citizen never sees them.</translation>
    </message>
    <message>
      <source>Kanaal</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>Kies een gebruikersnaam van kleine letters en cijfers, bijvoorbeeld 'sanne'.</source>
      <translation>Choose a user name of lower-case letters and digits, for example 'sanne'.</translation>
    </message>
    <message>
      <source>Kies eerst een zaak: j en k lopen door de lijst, Enter opent.</source>
      <translation>Choose a case first: j and k move through the list, Enter opens.</translation>
    </message>
    <message>
      <source>Kies met de pijltjes of typ de eerste letters; Enter bevestigt.</source>
      <translation>Choose with the arrow keys or type the first letters; Enter confirms.</translation>
    </message>
    <message>
      <source>Kies uw naam; Newsroom onthoudt haar voor de volgende keer.</source>
      <translation>Choose your name; Newsroom remembers it for next time.</translation>
    </message>
    <message>
      <source>Kies welke zaken de inbox toont, met het aantal zaken per weergave. Pijltjestoetsen kiezen.</source>
      <translation>Choose which cases the inbox shows, with the number of cases per view. Arrow keys choose.</translation>
    </message>
    <message>
      <source>Kleine letters, cijfers, punt, streepje of liggend streepje, bijvoorbeeld 'sanne'.</source>
      <translation>Lower-case letters, digits, dot, hyphen or underscore, for example 'sanne'.</translation>
    </message>
    <message>
      <source>Laag</source>
      <translation>Low</translation>
    </message>
    <message>
      <source>Laatste weergave</source>
      <translation>Last view</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Tag</translation>
    </message>
    <message>
      <source>Label '{tag}' is weg.</source>
      <translation>Tag '{tag}' removed.</translation>
    </message>
    <message>
      <source>Label geven</source>
      <translation>Add tag</translation>
    </message>
    <message>
      <source>Label voor zaak {id}</source>
      <translation>Tag for case {id}</translation>
    </message>
    <message>
      <source>Label weghalen</source>
      <translation>Remove tag</translation>
    </message>
    <message>
      <source>Label weghalen van zaak {id}</source>
      <translation>Remove a tag from case {id}</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>Lees de lijst en de aantallen opnieuw.</source>
      <translation>Read the list and the counts again.</translation>
    </message>
    <message>
      <source>Licht</source>
      <translation>Light</translation>
    </message>
    <message>
      <source>Licht of donker; 'Systeem' volgt de instelling van uw computer.</source>
      <translation>Light or dark; 'System' follows your computer's setting.</translation>
    </message>
    <message>
      <source>Lijst</source>
      <translation>List</translation>
    </message>
    <message>
      <source>Lijst met sneltoetsen</source>
      <translation>List of keyboard shortcuts</translation>
    </message>
    <message>
      <source>Maak de zaak meer of minder dringend.</source>
      <translation>Make the case more or less urgent.</translation>
    </message>
    <message>
      <source>Maak uw eigen account in deze gegevens.</source>
      <translation>Create your own account in this data.</translation>
    </message>
    <message>
      <source>Maak van één bericht een eigen zaak.</source>
      <translation>Make one message a case of its own.</translation>
    </message>
    <message>
      <source>Maakt u de eerste gebruiker, met beheerrechten, en opent uw lege inbox.</source>
      <translation>Makes you the first user, with admin rights, and opens your empty inbox.</translation>
    </message>
    <message>
      <source>Map openen</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>Melding</source>
      <translation>Notice</translation>
    </message>
    <message>
      <source>Melding bij deze zaak</source>
      <translation>Notice about this case</translation>
    </message>
    <message>
      <source>Mijn zaken</source>
      <translation>My cases</translation>
    </message>
    <message>
      <source>Naar afdeling</source>
      <translation>To department</translation>
    </message>
    <message>
      <source>Naar welke afdeling gaat deze zaak? Ze verdwijnt dan bij de huidige behandelaar als die daar niet werkt.</source>
      <translation>Which department does this case go to? It leaves the current assignee if they do not work there.</translation>
    </message>
    <message>
      <source>Neem de zaak op uw naam.</source>
      <translation>Take the case on your name.</translation>
    </message>
    <message>
      <source>Newsroom</source>
      <translation>Newsroom</translation>
    </message>
    <message>
      <source>Newsroom is de inbox van het communicatieteam van de gemeente. Berichten van burgers uit alle kanalen (Mastodon, Bluesky, X, Facebook, Instagram, WhatsApp, e-mail, Signalen en het webformulier) komen samen in één lijst. Per gesprek is er één zaak: u claimt haar, stuurt haar naar een afdeling, geeft labels, schrijft notities voor collega's en een antwoord aan de burger.</source>
      <translation>Newsroom is the inbox of the municipality's communication team. Citizens' messages from every channel (Mastodon, Bluesky, X, Facebook, Instagram, WhatsApp, e-mail, Signalen and the web form) come together in one list. Each conversation is one case: you claim it, send it to a department, tag it, write notes for colleagues and a reply to the citizen.</translation>
    </message>
    <message>
      <source>Newsroom kan de gegevens in {place} niet openen.</source>
      <translation>Newsroom cannot open the data in {place}.</translation>
    </message>
    <message>
      <source>Newsroom weet niet wie u bent. Kies uw naam.</source>
      <translation>Newsroom does not know who you are. Choose your name.</translation>
    </message>
    <message>
      <source>Newsroom werkt helemaal met het toetsenbord. Letters werken als de lijst of de zaak de focus heeft.</source>
      <translation>Newsroom works entirely from the keyboard. Letters work when the list or the case has the focus.</translation>
    </message>
    <message>
      <source>Newsroom — {name}</source>
      <translation>Newsroom — {name}</translation>
    </message>
    <message>
      <source>Niet gevonden</source>
      <translation>Not found</translation>
    </message>
    <message>
      <source>Niet toegestaan</source>
      <translation>Not allowed</translation>
    </message>
    <message>
      <source>Niet toegewezen</source>
      <translation>Unassigned</translation>
    </message>
    <message>
      <source>Nieuw</source>
      <translation>New</translation>
    </message>
    <message>
      <source>Nieuwste eerst</source>
      <translation>Newest first</translation>
    </message>
    <message>
      <source>Nieuwste treffer eerst</source>
      <translation>Newest match first</translation>
    </message>
    <message>
      <source>Nog geen concept.</source>
      <translation>No draft yet.</translation>
    </message>
    <message>
      <source>Nog geen geschiedenis.</source>
      <translation>No history yet.</translation>
    </message>
    <message>
      <source>Nog geen notities. Voeg er een toe met n.</source>
      <translation>No notes yet. Add one with n.</translation>
    </message>
    <message>
      <source>Normaal</source>
      <translation>Normal</translation>
    </message>
    <message>
      <source>Notitie</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Notitie bewaren</source>
      <translation>Save note</translation>
    </message>
    <message>
      <source>Notitie bij zaak {id}</source>
      <translation>Note on case {id}</translation>
    </message>
    <message>
      <source>Notitie bij zaak {id} bewaard.</source>
      <translation>Note on case {id} saved.</translation>
    </message>
    <message>
      <source>Notities</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Notities ({n})</source>
      <translation>Notes ({n})</translation>
    </message>
    <message>
      <source>Notities tonen</source>
      <translation>Show notes</translation>
    </message>
    <message>
      <source>Nummer van de zaak om mee samen te voegen</source>
      <translation>Number of the case to merge with</translation>
    </message>
    <message>
      <source>Ontvangen</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Opdracht</source>
      <translation>Command</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Open Newsroom als deze gebruiker.</source>
      <translation>Open Newsroom as this user.</translation>
    </message>
    <message>
      <source>Open de gekozen zaak en ga naar het gesprek.</source>
      <translation>Open the chosen case and go to the conversation.</translation>
    </message>
    <message>
      <source>Open de map met de gegevens in het bestandsbeheer.</source>
      <translation>Open the data folder in the file manager.</translation>
    </message>
    <message>
      <source>Opent de demo van Stadsveen met berichten die binnenstromen.</source>
      <translation>Opens the Stadsveen demo with messages flowing in.</translation>
    </message>
    <message>
      <source>Per regel: de toets, de opdracht en wat ze doet.</source>
      <translation>Per line: the key, the command and what it does.</translation>
    </message>
    <message>
      <source>Plek van de gegevens</source>
      <translation>Data location</translation>
    </message>
    <message>
      <source>Prioriteit</source>
      <translation>Priority</translation>
    </message>
    <message>
      <source>Prioriteit van zaak {id}</source>
      <translation>Priority of case {id}</translation>
    </message>
    <message>
      <source>Prioriteit zetten</source>
      <translation>Set priority</translation>
    </message>
    <message>
      <source>Samenvoegen</source>
      <translation>Merge</translation>
    </message>
    <message>
      <source>Samenvoegen met zaak</source>
      <translation>Merge with case</translation>
    </message>
    <message>
      <source>Schrijf een antwoord… (r)  Ctrl+Enter bewaart het concept.</source>
      <translation>Write a reply… (r)  Ctrl+Enter saves the draft.</translation>
    </message>
    <message>
      <source>Schrijf een concept-antwoord aan de burger.</source>
      <translation>Write a draft reply to the citizen.</translation>
    </message>
    <message>
      <source>Schrijf een interne notitie bij de zaak.</source>
      <translation>Write an internal note on the case.</translation>
    </message>
    <message>
      <source>Sluit Newsroom.</source>
      <translation>Close Newsroom.</translation>
    </message>
    <message>
      <source>Sluit Newsroom; alles is al bewaard.</source>
      <translation>Close Newsroom; everything is already saved.</translation>
    </message>
    <message>
      <source>Sluit de lijst met sneltoetsen.</source>
      <translation>Close the list of keyboard shortcuts.</translation>
    </message>
    <message>
      <source>Sluit zonder iets te veranderen (Escape).</source>
      <translation>Close without changing anything (Escape).</translation>
    </message>
    <message>
      <source>Sluiten</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Sneltoetsen</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Spoed</source>
      <translation>Urgent</translation>
    </message>
    <message>
      <source>Staat van het concept</source>
      <translation>State of the draft</translation>
    </message>
    <message>
      <source>Start de demo opnieuw met 'newsroom --demo --reset'.</source>
      <translation>Start the demo afresh with 'newsroom --demo --reset'.</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Status van zaak {id}</source>
      <translation>Status of case {id}</translation>
    </message>
    <message>
      <source>Status zetten</source>
      <translation>Set status</translation>
    </message>
    <message>
      <source>Stuur de zaak naar een afdeling.</source>
      <translation>Send the case to a department.</translation>
    </message>
    <message>
      <source>Systeem</source>
      <translation>System</translation>
    </message>
    <message>
      <source>Taal</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Taal, thema en de plek van uw gegevens.</source>
      <translation>Language, theme and the location of your data.</translation>
    </message>
    <message>
      <source>Taal, thema, de demo en de plek van uw gegevens.</source>
      <translation>Language, theme, the demo and the location of your data.</translation>
    </message>
    <message>
      <source>Termijn</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>Terug naar de lijst</source>
      <translation>Back to the list</translation>
    </message>
    <message>
      <source>Thema</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>Tijd</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Toets</source>
      <translation>Key</translation>
    </message>
    <message>
      <source>Toewijzen</source>
      <translation>Assign</translation>
    </message>
    <message>
      <source>Toon alle open zaken.</source>
      <translation>Show all open cases.</translation>
    </message>
    <message>
      <source>Toon alle zaken, ook afgehandelde.</source>
      <translation>Show all cases, resolved ones too.</translation>
    </message>
    <message>
      <source>Toon alleen zaken die via dit kanaal binnenkwamen.</source>
      <translation>Show only cases that came in through this channel.</translation>
    </message>
    <message>
      <source>Toon alleen zaken met deze prioriteit.</source>
      <translation>Show only cases with this priority.</translation>
    </message>
    <message>
      <source>Toon alleen zaken met deze status.</source>
      <translation>Show only cases with this status.</translation>
    </message>
    <message>
      <source>Toon alleen zaken met dit label.</source>
      <translation>Show only cases with this tag.</translation>
    </message>
    <message>
      <source>Toon alleen zaken van deze afdeling.</source>
      <translation>Show only cases of this department.</translation>
    </message>
    <message>
      <source>Toon de notities bij de zaak.</source>
      <translation>Show the notes on the case.</translation>
    </message>
    <message>
      <source>Toon deze lijst met sneltoetsen.</source>
      <translation>Show this list of keyboard shortcuts.</translation>
    </message>
    <message>
      <source>Toon het gesprek van de zaak.</source>
      <translation>Show the conversation of the case.</translation>
    </message>
    <message>
      <source>Toon open zaken zonder behandelaar.</source>
      <translation>Show open cases without an assignee.</translation>
    </message>
    <message>
      <source>Toon uw open zaken.</source>
      <translation>Show your open cases.</translation>
    </message>
    <message>
      <source>Toon wat er met de zaak gebeurde.</source>
      <translation>Show what happened to the case.</translation>
    </message>
    <message>
      <source>Toon zaken die op de burger wachten.</source>
      <translation>Show cases waiting on the citizen.</translation>
    </message>
    <message>
      <source>Typ het nummer van de zaak om mee samen te voegen.</source>
      <translation>Type the number of the case to merge with.</translation>
    </message>
    <message>
      <source>Uw antwoord aan de burger. Ctrl+Enter bewaart het als concept; er wordt niets verstuurd.</source>
      <translation>Your reply to the citizen. Ctrl+Enter saves it as a draft; nothing is sent.</translation>
    </message>
    <message>
      <source>Verder</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>Vernieuwen</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>Verstuurd</source>
      <translation>Sent</translation>
    </message>
    <message>
      <source>Voeg deze zaak samen met een andere zaak over hetzelfde.</source>
      <translation>Merge this case with another case about the same thing.</translation>
    </message>
    <message>
      <source>Volgende zaak</source>
      <translation>Next case</translation>
    </message>
    <message>
      <source>Volgorde</source>
      <translation>Order</translation>
    </message>
    <message>
      <source>Volgorde van de inbox</source>
      <translation>Order of the inbox</translation>
    </message>
    <message>
      <source>Volledige berichten tonen</source>
      <translation>Show full messages</translation>
    </message>
    <message>
      <source>Volledige naam</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Vorige zaak</source>
      <translation>Previous case</translation>
    </message>
    <message>
      <source>Vrijgeven</source>
      <translation>Release</translation>
    </message>
    <message>
      <source>Waar staat deze zaak nu?</source>
      <translation>Where does this case stand now?</translation>
    </message>
    <message>
      <source>Wacht op burger</source>
      <translation>Waiting on citizen</translation>
    </message>
    <message>
      <source>Wat Newsroom is, en hoe u begint.</source>
      <translation>What Newsroom is, and how to start.</translation>
    </message>
    <message>
      <source>Wat het doet</source>
      <translation>What it does</translation>
    </message>
    <message>
      <source>Webformulier</source>
      <translation>Web form</translation>
    </message>
    <message>
      <source>Weergave</source>
      <translation>View</translation>
    </message>
    <message>
      <source>Weergaven</source>
      <translation>Views</translation>
    </message>
    <message>
      <source>Weghalen</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Welk bericht gaat over iets anders? Het wordt een eigen zaak.</source>
      <translation>Which message is about something else? It becomes a case of its own.</translation>
    </message>
    <message>
      <source>Welk label haalt u weg?</source>
      <translation>Which tag do you remove?</translation>
    </message>
    <message>
      <source>Welkom bij Newsroom</source>
      <translation>Welcome to Newsroom</translation>
    </message>
    <message>
      <source>Wie bent u?</source>
      <translation>Who are you?</translation>
    </message>
    <message>
      <source>Wie u bent in deze gegevens.</source>
      <translation>Who you are in this data.</translation>
    </message>
    <message>
      <source>Wis de zoekopdracht en alle filters.</source>
      <translation>Clear the search and all filters.</translation>
    </message>
    <message>
      <source>Zaak</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>Zaak openen</source>
      <translation>Open case</translation>
    </message>
    <message>
      <source>Zaak {id}</source>
      <translation>Case {id}</translation>
    </message>
    <message>
      <source>Zaak {id} bestaat niet (meer).</source>
      <translation>Case {id} does not exist (any more).</translation>
    </message>
    <message>
      <source>Zaak {id} heeft geen labels.</source>
      <translation>Case {id} has no tags.</translation>
    </message>
    <message>
      <source>Zaak {id} heeft label '{tag}'.</source>
      <translation>Case {id} has tag '{tag}'.</translation>
    </message>
    <message>
      <source>Zaak {id} heeft maar één bericht; er valt niets af te splitsen.</source>
      <translation>Case {id} has only one message; there is nothing to split off.</translation>
    </message>
    <message>
      <source>Zaak {id} heeft nu prioriteit {priority}.</source>
      <translation>Case {id} now has priority {priority}.</translation>
    </message>
    <message>
      <source>Zaak {id} is afgehandeld.</source>
      <translation>Case {id} is resolved.</translation>
    </message>
    <message>
      <source>Zaak {id} is naar {department} gestuurd.</source>
      <translation>Case {id} was sent to {department}.</translation>
    </message>
    <message>
      <source>Zaak {id} is nu van u.</source>
      <translation>Case {id} is now yours.</translation>
    </message>
    <message>
      <source>Zaak {id} is samengevoegd met zaak {into}.</source>
      <translation>Case {id} was merged into case {into}.</translation>
    </message>
    <message>
      <source>Zaak {id} is terug in de wachtrij.</source>
      <translation>Case {id} is back in the queue.</translation>
    </message>
    <message>
      <source>Zaak {id} is toegewezen aan {user}.</source>
      <translation>Case {id} was assigned to {user}.</translation>
    </message>
    <message>
      <source>Zaak {id} naar een afdeling</source>
      <translation>Case {id} to a department</translation>
    </message>
    <message>
      <source>Zaak {id} samenvoegen</source>
      <translation>Merge case {id}</translation>
    </message>
    <message>
      <source>Zaak {id} staat nu op {status}.</source>
      <translation>Case {id} is now {status}.</translation>
    </message>
    <message>
      <source>Zaak {id} toewijzen</source>
      <translation>Assign case {id}</translation>
    </message>
    <message>
      <source>Zaak {id}: {author} — {snippet} ({status})</source>
      <translation>Case {id}: {author} — {snippet} ({status})</translation>
    </message>
    <message>
      <source>Zaakonderdelen</source>
      <translation>Case parts</translation>
    </message>
    <message>
      <source>Zet de stroom nieuwe demo-berichten aan zodra de demo start.</source>
      <translation>Turn on the stream of new demo messages as soon as the demo starts.</translation>
    </message>
    <message>
      <source>Zet de stroom nieuwe demo-berichten stil of weer aan.</source>
      <translation>Pause or resume the stream of new demo messages.</translation>
    </message>
    <message>
      <source>Zet de zaak op afgehandeld.</source>
      <translation>Mark the case as resolved.</translation>
    </message>
    <message>
      <source>Zet de zaak op een andere status.</source>
      <translation>Give the case another status.</translation>
    </message>
    <message>
      <source>Zoek in de tekst, het onderwerp en de afzender van de berichten in deze weergave (kies "Alle zaken" om overal te zoeken). "twee woorden" zoekt een zin, woord* een begin, -woord laat weg. Enter gaat naar de resultaten, Escape terug naar de lijst.</source>
      <translation>Search the text, subject and sender of the messages in this view (choose "All cases" to search everywhere). "two words" finds a phrase, word* a beginning, -word leaves out. Enter goes to the results, Escape back to the list.</translation>
    </message>
    <message>
      <source>Zoeken</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Zoeken in deze weergave (/)</source>
      <translation>Search this view (/)</translation>
    </message>
    <message>
      <source>[… nog {n} tekens; kies 'Volledige berichten tonen']</source>
      <translation>[… {n} more characters; choose 'Show full messages']</translation>
    </message>
    <message>
      <source>afdeling</source>
      <translation>department</translation>
    </message>
    <message>
      <source>afgehandeld op</source>
      <translation>resolved at</translation>
    </message>
    <message>
      <source>behandelaar</source>
      <translation>assignee</translation>
    </message>
    <message>
      <source>beheerder</source>
      <translation>admin</translation>
    </message>
    <message>
      <source>bericht afgesplitst</source>
      <translation>message split off</translation>
    </message>
    <message>
      <source>bericht ontvangen</source>
      <translation>message received</translation>
    </message>
    <message>
      <source>bericht {id}</source>
      <translation>message {id}</translation>
    </message>
    <message>
      <source>concept</source>
      <translation>draft</translation>
    </message>
    <message>
      <source>concept-antwoord opgeslagen</source>
      <translation>draft reply saved</translation>
    </message>
    <message>
      <source>geclaimd</source>
      <translation>claimed</translation>
    </message>
    <message>
      <source>geen</source>
      <translation>none</translation>
    </message>
    <message>
      <source>geen termijn</source>
      <translation>no due time</translation>
    </message>
    <message>
      <source>klantcontactcentrum</source>
      <translation>contact centre</translation>
    </message>
    <message>
      <source>label toegevoegd</source>
      <translation>tag added</translation>
    </message>
    <message>
      <source>label verwijderd</source>
      <translation>tag removed</translation>
    </message>
    <message>
      <source>labels</source>
      <translation>tags</translation>
    </message>
    <message>
      <source>medewerker afdeling</source>
      <translation>department agent</translation>
    </message>
    <message>
      <source>naar afdeling gestuurd</source>
      <translation>sent to department</translation>
    </message>
    <message>
      <source>niemand</source>
      <translation>nobody</translation>
    </message>
    <message>
      <source>niet gelukt ({result}): {reason}</source>
      <translation>failed ({result}): {reason}</translation>
    </message>
    <message>
      <source>nog {span}</source>
      <translation>{span} left</translation>
    </message>
    <message>
      <source>notitie toegevoegd</source>
      <translation>note added</translation>
    </message>
    <message>
      <source>nu</source>
      <translation>now</translation>
    </message>
    <message>
      <source>prioriteit</source>
      <translation>priority</translation>
    </message>
    <message>
      <source>prioriteit gewijzigd</source>
      <translation>priority changed</translation>
    </message>
    <message>
      <source>redacteur</source>
      <translation>operator</translation>
    </message>
    <message>
      <source>samengevoegd</source>
      <translation>merged</translation>
    </message>
    <message>
      <source>status</source>
      <translation>status</translation>
    </message>
    <message>
      <source>status gewijzigd</source>
      <translation>status changed</translation>
    </message>
    <message>
      <source>teamleider</source>
      <translation>supervisor</translation>
    </message>
    <message>
      <source>toegewezen</source>
      <translation>assigned</translation>
    </message>
    <message>
      <source>vrijgegeven</source>
      <translation>released</translation>
    </message>
    <message>
      <source>zaak</source>
      <translation>case</translation>
    </message>
    <message>
      <source>{n} d</source>
      <translation>{n} d</translation>
    </message>
    <message>
      <source>{n} min</source>
      <translation>{n} min</translation>
    </message>
    <message>
      <source>{n} u</source>
      <translation>{n} h</translation>
    </message>
    <message>
      <source>{n} zaken</source>
      <translation>{n} cases</translation>
    </message>
    <message>
      <source>{n}{more} zaken gevonden</source>
      <translation>{n}{more} cases found</translation>
    </message>
    <message>
      <source>{span} te laat</source>
      <translation>{span} late</translation>
    </message>
    <message>
      <source>{view}: {n} zaken</source>
      <translation>{view}: {n} cases</translation>
    </message>
    <message>
      <source>Een zaak kan niet met zichzelf worden samengevoegd.</source>
      <translation>A case cannot be merged into itself.</translation>
    </message>
    <message>
      <source>Een zaak kan niet weer nieuw worden; kies open.</source>
      <translation>A case cannot become new again; use open.</translation>
    </message>
    <message>
      <source>Een afdelingsmedewerker hoort bij een afdeling (--department).</source>
      <translation>A department agent needs a department (--department).</translation>
    </message>
    <message>
      <source>Een afdeling heeft een naam van 1 tot 100 tekens nodig.</source>
      <translation>A department needs a name of 1 to 100 characters.</translation>
    </message>
    <message>
      <source>Een notitie kan hoogstens {limit} tekens lang zijn.</source>
      <translation>A note can be at most {limit} characters.</translation>
    </message>
    <message>
      <source>Een notitie heeft tekst nodig.</source>
      <translation>A note needs some text.</translation>
    </message>
    <message>
      <source>Een antwoord kan hoogstens {limit} tekens lang zijn.</source>
      <translation>A reply can be at most {limit} characters.</translation>
    </message>
    <message>
      <source>Een antwoord heeft tekst nodig.</source>
      <translation>A reply needs some text.</translation>
    </message>
    <message>
      <source>Een label moet tekst zijn.</source>
      <translation>A tag must be text.</translation>
    </message>
    <message>
      <source>Een zaaknummer is een geheel getal, niet {value!r}.</source>
      <translation>Case number must be a whole number, not {value!r}.</translation>
    </message>
    <message>
      <source>Zaak {case_id} heeft geen label {tag!r}.</source>
      <translation>Case {case_id} has no tag {tag!r}.</translation>
    </message>
    <message>
      <source>Zaak {case_id} is al geclaimd door {holder} (sinds {since:%Y-%m-%d %H:%M} UTC).</source>
      <translation>Case {case_id} is already claimed by {holder} (since {since:%Y-%m-%d %H:%M} UTC).</translation>
    </message>
    <message>
      <source>Zaak {case_id} is door niemand geclaimd.</source>
      <translation>Case {case_id} is not claimed by anyone.</translation>
    </message>
    <message>
      <source>Zaak {case_id} is samengevoegd met zaak {target}; werk verder in die zaak.</source>
      <translation>Case {case_id} was merged into case {target}; work on that case.</translation>
    </message>
    <message>
      <source>Een berichtnummer is een geheel getal, niet {value!r}.</source>
      <translation>Message number must be a whole number, not {value!r}.</translation>
    </message>
    <message>
      <source>Bericht {message_id} is het enige bericht van zaak {case_id}; er valt niets af te splitsen.</source>
      <translation>Message {message_id} is the only message of case {case_id}; there is nothing to split off.</translation>
    </message>
    <message>
      <source>Noem de afdeling (zie 'newsroom department list').</source>
      <translation>Name the department (see 'newsroom department list').</translation>
    </message>
    <message>
      <source>Noem de gebruiker (zie 'newsroom user list').</source>
      <translation>Name the user (see 'newsroom user list').</translation>
    </message>
    <message>
      <source>Alleen een beheerder mag afdelingen en mensen toevoegen; zeg wie u bent met --as.</source>
      <translation>Only an admin may add departments and people; say who you are with --as.</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een zaak te claimen (--as GEBRUIKER).</source>
      <translation>Say who you are to claim a case (--as USER).</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een antwoord op te stellen (--as GEBRUIKER).</source>
      <translation>Say who you are to draft a reply (--as USER).</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een notitie te schrijven (--as GEBRUIKER).</source>
      <translation>Say who you are to write a note (--as USER).</translation>
    </message>
    <message>
      <source>De gebruiker {name!r} is niet meer actief.</source>
      <translation>The user {name!r} is no longer active.</translation>
    </message>
    <message>
      <source>Er is al een afdeling {name!r}.</source>
      <translation>There is already a department {name!r}.</translation>
    </message>
    <message>
      <source>Er is al een gebruiker {name!r}.</source>
      <translation>There is already a user {name!r}.</translation>
    </message>
    <message>
      <source>Er is geen zaak {case_id}.</source>
      <translation>There is no case {case_id}.</translation>
    </message>
    <message>
      <source>Er is geen afdeling {name!r}. Zie 'newsroom department list'.</source>
      <translation>There is no department {name!r}. See 'newsroom department list'.</translation>
    </message>
    <message>
      <source>Er is geen bericht {message_id}.</source>
      <translation>There is no message {message_id}.</translation>
    </message>
    <message>
      <source>Er is geen gebruiker {name!r}. Zie 'newsroom user list'.</source>
      <translation>There is no user {name!r}. See 'newsroom user list'.</translation>
    </message>
    <message>
      <source>Onbekende handeling {name!r}.</source>
      <translation>Unknown action {name!r}.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag geen afdelingen en mensen toevoegen.</source>
      <translation>{actor} ({role}) may not add departments and people.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag zaak {case_id} niet vrijgeven; {holder} heeft die.</source>
      <translation>{actor} ({role}) may not release case {case_id}, which {holder} holds.</translation>
    </message>
    <message>
      <source>{actor} mag alleen binnen de eigen afdeling toewijzen.</source>
      <translation>{actor} may only assign within their own department.</translation>
    </message>
    <message>
      <source>{actor} werkt bij een andere afdeling en kan zaak {case_id} niet wijzigen.</source>
      <translation>{actor} works in another department and cannot change case {case_id}.</translation>
    </message>
    <message>
      <source>{name!r} is geen bruikbaar label: gebruik letters, cijfers en - / . + # &amp; (hoogstens 64 tekens).</source>
      <translation>{name!r} is not a usable tag: use letters, digits and - / . + # &amp; (at most 64 characters).</translation>
    </message>
    <message>
      <source>{name!r} is geen bruikbare gebruikersnaam: kleine letters, cijfers, '.', '_' of '-', hoogstens 100.</source>
      <translation>{name!r} is not a usable user name: lower-case letters, digits, '.', '_' or '-', at most 100.</translation>
    </message>
    <message>
      <source>{priority!r} is geen prioriteit; kies uit {choices}.</source>
      <translation>{priority!r} is not a priority; use one of {choices}.</translation>
    </message>
    <message>
      <source>{role!r} is geen rol; kies uit {choices}.</source>
      <translation>{role!r} is not a role; use one of {choices}.</translation>
    </message>
    <message>
      <source>{status!r} is geen status; kies uit {choices}.</source>
      <translation>{status!r} is not a status; use one of {choices}.</translation>
    </message>
    <message>
      <source>{user} is niet meer actief.</source>
      <translation>{user} is no longer active.</translation>
    </message>
    <message>
      <source>{user} werkt bij een andere afdeling; stuur zaak {case_id} eerst daarheen.</source>
      <translation>{user} works in another department; route case {case_id} there first.</translation>
    </message>
    <message>
      <source>Concept</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>In de wachtrij</source>
      <translation>In the queue</translation>
    </message>
    <message>
      <source>Wordt verstuurd</source>
      <translation>Being sent</translation>
    </message>
    <message>
      <source>&amp;Antwoord aan de burger</source>
      <translation>&amp;Answer to the citizen</translation>
    </message>
    <message>
      <source>Uw antwoord aan de burger. Ctrl+Enter bewaart het als concept; Ctrl+Shift+Enter verstuurt het.</source>
      <translation>Your answer to the citizen. Ctrl+Enter saves it as a draft; Ctrl+Shift+Enter sends it.</translation>
    </message>
    <message>
      <source>Schrijf een antwoord… (r)  Ctrl+Enter bewaart, Ctrl+Shift+Enter verstuurt.</source>
      <translation>Write an answer… (r)  Ctrl+Enter saves, Ctrl+Shift+Enter sends.</translation>
    </message>
    <message>
      <source>Aantal tekens</source>
      <translation>Number of characters</translation>
    </message>
    <message>
      <source>Versturen</source>
      <translation>Send</translation>
    </message>
    <message>
      <source>Verstuurt het antwoord aan de burger via het kanaal waarop die schreef (Ctrl+Shift+Enter).</source>
      <translation>Sends the answer to the citizen on the channel they wrote on (Ctrl+Shift+Enter).</translation>
    </message>
    <message>
      <source>Verstuurde antwoorden</source>
      <translation>Sent answers</translation>
    </message>
    <message>
      <source>De antwoorden van deze zaak met hun staat: in de wachtrij, wordt verstuurd, verstuurd of mislukt.</source>
      <translation>This case's answers with their state: in the queue, being sent, sent or failed.</translation>
    </message>
    <message>
      <source>Opnieuw proberen</source>
      <translation>Try again</translation>
    </message>
    <message>
      <source>Verstuurt het gekozen mislukte antwoord nog een keer.</source>
      <translation>Sends the chosen failed answer once more.</translation>
    </message>
    <message>
      <source>Verstuurd om {time}</source>
      <translation>Sent at {time}</translation>
    </message>
    <message>
      <source>Mislukt: {reason}</source>
      <translation>Failed: {reason}</translation>
    </message>
    <message>
      <source>Het antwoord is leeg. Schrijf eerst een antwoord.</source>
      <translation>The answer is empty. Write an answer first.</translation>
    </message>
    <message>
      <source>Opnieuw proberen om {time}</source>
      <translation>Trying again at {time}</translation>
    </message>
    <message>
      <source>Antwoord {id}: {state}</source>
      <translation>Answer {id}: {state}</translation>
    </message>
    <message>
      <source>{n} tekens te veel voor dit platform.</source>
      <translation>{n} characters too many for this platform.</translation>
    </message>
    <message>
      <source>Nog {n} tekens over.</source>
      <translation>{n} characters left.</translation>
    </message>
    <message>
      <source>Het antwoord is te lang voor dit platform: hoogstens {limit} tekens.</source>
      <translation>The answer is too long for this platform: at most {limit} characters.</translation>
    </message>
    <message>
      <source>Serveradres</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>Accountnaam</source>
      <translation>Account name</translation>
    </message>
    <message>
      <source>PDS-adres</source>
      <translation>PDS address</translation>
    </message>
    <message>
      <source>Handle</source>
      <translation>Handle</translation>
    </message>
    <message>
      <source>API-adres</source>
      <translation>API address</translation>
    </message>
    <message>
      <source>Account (alleen ter informatie)</source>
      <translation>Account (for information only)</translation>
    </message>
    <message>
      <source>Aantal per verzoek</source>
      <translation>Page size</translation>
    </message>
    <message>
      <source>Eerste keer: aantal dagen terug</source>
      <translation>First run: days back</translation>
    </message>
    <message>
      <source>IMAP-server</source>
      <translation>IMAP server</translation>
    </message>
    <message>
      <source>IMAP-poort</source>
      <translation>IMAP port</translation>
    </message>
    <message>
      <source>IMAP-beveiliging (tls, starttls of none)</source>
      <translation>IMAP security (tls, starttls or none)</translation>
    </message>
    <message>
      <source>Gebruikersnaam (meestal het adres van de mailbox)</source>
      <translation>User name (usually the mailbox address)</translation>
    </message>
    <message>
      <source>Postvak om te lezen</source>
      <translation>Mailbox to read</translation>
    </message>
    <message>
      <source>SMTP-server</source>
      <translation>SMTP server</translation>
    </message>
    <message>
      <source>SMTP-poort</source>
      <translation>SMTP port</translation>
    </message>
    <message>
      <source>SMTP-beveiliging (starttls, tls of none)</source>
      <translation>SMTP security (starttls, tls or none)</translation>
    </message>
    <message>
      <source>Afzenderadres van antwoorden (standaard: de gebruikersnaam)</source>
      <translation>Address replies are sent from (default: the user name)</translation>
    </message>
    <message>
      <source>Map voor kopieën van verstuurde antwoorden</source>
      <translation>Folder for copies of sent replies</translation>
    </message>
    <message>
      <source>Grootste bijlage die bewaard wordt (bytes)</source>
      <translation>Largest attachment kept (bytes)</translation>
    </message>
    <message>
      <source>Map voor bijlagen (mag leeg; bestandsnaam is de SHA-256)</source>
      <translation>Folder for attachment files (optional; named by their SHA-256)</translation>
    </message>
    <message>
      <source>Dienstcode</source>
      <translation>Service code</translation>
    </message>
    <message>
      <source>Jurisdictie</source>
      <translation>Jurisdiction</translation>
    </message>
    <message>
      <source>Uitgezet</source>
      <translation>Switched off</translation>
    </message>
    <message>
      <source>Werkt</source>
      <translation>Working</translation>
    </message>
    <message>
      <source>Actie nodig: het token is verlopen of ingetrokken — voer een nieuw in</source>
      <translation>Action needed: the token expired or was revoked — enter a new one</translation>
    </message>
    <message>
      <source>Platform</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>Staat</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Laatste bericht</source>
      <translation>Last message</translation>
    </message>
    <message>
      <source>Apart gezet</source>
      <translation>Set aside</translation>
    </message>
    <message>
      <source>Reden</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Er is op deze computer geen veilige sleutelbos voor het geheim, en Newsroom bewaart het niet als gewone tekst. Er is niets opgeslagen. Installeer en ontgrendel een sleutelbos (GNOME Keyring of KWallet op Linux; Windows heeft er een) en probeer het opnieuw.</source>
      <translation>This computer has no secure keyring for the secret, and Newsroom will not store it as plain text. Nothing was saved. Install and unlock a keyring (GNOME Keyring or KWallet on Linux; Windows has one built in) and try again.</translation>
    </message>
    <message>
      <source>De accounts waarop Newsroom berichten ontvangt en antwoorden verstuurt.</source>
      <translation>The accounts on which Newsroom receives messages and sends answers.</translation>
    </message>
    <message>
      <source>Verbinding wordt getest</source>
      <translation>Testing the connection</translation>
    </message>
    <message>
      <source>Uitslag van de test</source>
      <translation>Result of the test</translation>
    </message>
    <message>
      <source>Test stoppen</source>
      <translation>Stop the test</translation>
    </message>
    <message>
      <source>Stopt de test van de verbinding.</source>
      <translation>Stops testing the connection.</translation>
    </message>
    <message>
      <source>Kanaal toevoegen</source>
      <translation>Add a channel</translation>
    </message>
    <message>
      <source>Verbind een account van een platform met Newsroom.</source>
      <translation>Connect a platform account to Newsroom.</translation>
    </message>
    <message>
      <source>&amp;Platform</source>
      <translation>&amp;Platform</translation>
    </message>
    <message>
      <source>Naam van het kanaal</source>
      <translation>Name of the channel</translation>
    </message>
    <message>
      <source>Hoe het kanaal in Newsroom heet, bijvoorbeeld 'Mastodon gemeente'.</source>
      <translation>What the channel is called in Newsroom, for example 'Mastodon municipality'.</translation>
    </message>
    <message>
      <source>&amp;Naam</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>Geheim (token of wachtwoord)</source>
      <translation>Secret (token or password)</translation>
    </message>
    <message>
      <source>Wordt bewaard in de sleutelbos van deze computer.</source>
      <translation>Kept in this computer's keyring.</translation>
    </message>
    <message>
      <source>&amp;Geheim</source>
      <translation>&amp;Secret</translation>
    </message>
    <message>
      <source>Verbinding &amp;testen</source>
      <translation>&amp;Test connection</translation>
    </message>
    <message>
      <source>Probeert met deze gegevens verbinding te maken.</source>
      <translation>Tries to connect with these details.</translation>
    </message>
    <message>
      <source>Opslaan</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Bewaart het kanaal; Newsroom begint meteen met lezen.</source>
      <translation>Saves the channel; Newsroom starts reading at once.</translation>
    </message>
    <message>
      <source>Er is geen enkele connector geïnstalleerd.</source>
      <translation>No connector is installed.</translation>
    </message>
    <message>
      <source>Verbinding testen…</source>
      <translation>Testing the connection…</translation>
    </message>
    <message>
      <source>Nieuw geheim</source>
      <translation>New secret</translation>
    </message>
    <message>
      <source>Kanalen</source>
      <translation>Channels</translation>
    </message>
    <message>
      <source>De verbonden kanalen, hoe ze werken, en berichten die apart zijn gezet.</source>
      <translation>The connected channels, how they are doing, and messages that were set aside.</translation>
    </message>
    <message>
      <source>Per kanaal: naam, platform, account, staat, laatste bericht en aantal apart gezette berichten.</source>
      <translation>Per channel: name, platform, account, state, last message and number of messages set aside.</translation>
    </message>
    <message>
      <source>Kanaal &amp;toevoegen…</source>
      <translation>&amp;Add channel…</translation>
    </message>
    <message>
      <source>Verbind een nieuw account.</source>
      <translation>Connect a new account.</translation>
    </message>
    <message>
      <source>Verbinding t&amp;esten</source>
      <translation>T&amp;est connection</translation>
    </message>
    <message>
      <source>Test de verbinding van het gekozen kanaal.</source>
      <translation>Test the connection of the chosen channel.</translation>
    </message>
    <message>
      <source>Nieuw &amp;geheim…</source>
      <translation>New &amp;secret…</translation>
    </message>
    <message>
      <source>Voer een nieuw token of wachtwoord in voor het gekozen kanaal.</source>
      <translation>Enter a new token or password for the chosen channel.</translation>
    </message>
    <message>
      <source>&amp;Uitzetten</source>
      <translation>Switch &amp;off</translation>
    </message>
    <message>
      <source>Zet het gekozen kanaal uit of weer aan.</source>
      <translation>Switch the chosen channel off or on again.</translation>
    </message>
    <message>
      <source>&amp;Verwijderen…</source>
      <translation>&amp;Remove…</translation>
    </message>
    <message>
      <source>Verbreek de verbinding met het gekozen kanaal; de zaken blijven.</source>
      <translation>Disconnect the chosen channel; its cases stay.</translation>
    </message>
    <message>
      <source>Apart gezette berichten</source>
      <translation>Messages set aside</translation>
    </message>
    <message>
      <source>Per bericht: tijd, kanaal en waarom het niet kon worden ingelezen.</source>
      <translation>Per message: time, channel and why it could not be taken in.</translation>
    </message>
    <message>
      <source>Inhoud van het apart gezette bericht</source>
      <translation>Content of the message set aside</translation>
    </message>
    <message>
      <source>Zoals het van het platform kwam, als platte tekst. Alleen lezen.</source>
      <translation>As it came from the platform, as plain text. Read only.</translation>
    </message>
    <message>
      <source>&amp;Wegleggen</source>
      <translation>&amp;Dismiss</translation>
    </message>
    <message>
      <source>Haal het gekozen bericht uit deze lijst (het blijft bewaard).</source>
      <translation>Take the chosen message off this list (it is kept).</translation>
    </message>
    <message>
      <source>Sluit het overzicht van de kanalen (Escape).</source>
      <translation>Close the channels overview (Escape).</translation>
    </message>
    <message>
      <source>&amp;Aanzetten</source>
      <translation>Switch o&amp;n</translation>
    </message>
    <message>
      <source>Kanaal '{channel}' staat weer aan.</source>
      <translation>Channel '{channel}' is on again.</translation>
    </message>
    <message>
      <source>Kanaal '{channel}' staat uit.</source>
      <translation>Channel '{channel}' is off.</translation>
    </message>
    <message>
      <source>Kanaal verwijderen</source>
      <translation>Remove channel</translation>
    </message>
    <message>
      <source>Verwijderen</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Staat van de kanalen</source>
      <translation>State of the channels</translation>
    </message>
    <message>
      <source>Klik voor de kanalen (Ctrl+K).</source>
      <translation>Click for the channels (Ctrl+K).</translation>
    </message>
    <message>
      <source>Wacht tot {time} (limiet van het platform)</source>
      <translation>Waiting until {time} (the platform's limit)</translation>
    </message>
    <message>
      <source>Probeert opnieuw om {time}</source>
      <translation>Trying again at {time}</translation>
    </message>
    <message>
      <source>Fout: {reason}</source>
      <translation>Error: {reason}</translation>
    </message>
    <message>
      <source>nog niets</source>
      <translation>nothing yet</translation>
    </message>
    <message>
      <source>Test gestopt.</source>
      <translation>Test stopped.</translation>
    </message>
    <message>
      <source>Kies het platform en vul de gegevens van het account in. Het geheim (token of wachtwoord) gaat naar de sleutelbos van deze computer, nooit naar de database.</source>
      <translation>Choose the platform and fill in the account's details. The secret (token or password) goes to this computer's keyring, never to the database.</translation>
    </message>
    <message>
      <source>Dit platform heeft een geheim nodig (token of wachtwoord).</source>
      <translation>This platform needs a secret (token or password).</translation>
    </message>
    <message>
      <source>Het nieuwe token of wachtwoord gaat naar de sleutelbos van deze computer. Newsroom probeert het kanaal daarna meteen opnieuw.</source>
      <translation>The new token or password goes to this computer's keyring. Newsroom then tries the channel again at once.</translation>
    </message>
    <message>
      <source>Alleen een beheerder kan kanalen toevoegen of wijzigen; u kunt ze bekijken.</source>
      <translation>Only an admin can add or change channels; you can look at them.</translation>
    </message>
    <message>
      <source>Apart gezet: berichten die Newsroom niet kon inlezen, met de reden. De inhoud staat er als platte tekst.</source>
      <translation>Set aside: messages Newsroom could not take in, with the reason. The content is shown as plain text.</translation>
    </message>
    <message>
      <source>Newsroom sluit af; er is niets opgeslagen.</source>
      <translation>Newsroom is closing; nothing was saved.</translation>
    </message>
    <message>
      <source>Alle kanalen werken.</source>
      <translation>All channels are working.</translation>
    </message>
    <message>
      <source>Nieuw geheim voor {channel}</source>
      <translation>New secret for {channel}</translation>
    </message>
    <message>
      <source>Verbinding van {channel} testen…</source>
      <translation>Testing the connection of {channel}…</translation>
    </message>
    <message>
      <source>Het geheim was leeg en is niet bewaard.</source>
      <translation>The secret was empty and was not saved.</translation>
    </message>
    <message>
      <source>De verbinding met '{channel}' verbreken? De zaken en berichten blijven; Newsroom leest en verstuurt er niet meer.</source>
      <translation>Disconnect '{channel}'? Its cases and messages stay; Newsroom no longer reads or sends there.</translation>
    </message>
    <message>
      <source>{channel}: {health}</source>
      <translation>{channel}: {health}</translation>
    </message>
    <message>
      <source>{n} kanalen hebben aandacht nodig</source>
      <translation>{n} channels need attention</translation>
    </message>
    <message>
      <source>Vul '{label}' in.</source>
      <translation>Fill in '{label}'.</translation>
    </message>
    <message>
      <source>Verbinding werkt: {detail}</source>
      <translation>Connection works: {detail}</translation>
    </message>
    <message>
      <source>Verbinding werkt niet: {detail}</source>
      <translation>Connection does not work: {detail}</translation>
    </message>
    <message>
      <source>[… nog {n} tekens]</source>
      <translation>[… {n} more characters]</translation>
    </message>
    <message>
      <source>Weggelegd.</source>
      <translation>Dismissed.</translation>
    </message>
    <message>
      <source>Kanaal '{name}' is toegevoegd.</source>
      <translation>Channel '{name}' was added.</translation>
    </message>
    <message>
      <source>Nieuw geheim voor '{channel}' bewaard; Newsroom probeert het opnieuw.</source>
      <translation>New secret for '{channel}' saved; Newsroom tries again.</translation>
    </message>
    <message>
      <source>Kanaal '{channel}' is verwijderd.</source>
      <translation>Channel '{channel}' was removed.</translation>
    </message>
    <message>
      <source>--{flag} moet een geheel getal zijn.</source>
      <translation>--{flag} must be a whole number.</translation>
    </message>
    <message>
      <source>Een kanaal heeft een naam van 1 tot 200 tekens nodig.</source>
      <translation>A channel needs a name of 1 to 200 characters.</translation>
    </message>
    <message>
      <source>Een kanaal heeft een account van 1 tot 320 tekens nodig.</source>
      <translation>A channel needs an account of 1 to 320 characters.</translation>
    </message>
    <message>
      <source>Een verstuurd antwoord heeft het nummer nodig dat het platform eraan gaf.</source>
      <translation>A sent reply needs the platform's id for it.</translation>
    </message>
    <message>
      <source>Een {platform}-kanaal heeft geen instelling {names}.</source>
      <translation>A {platform} channel has no option {names}.</translation>
    </message>
    <message>
      <source>Een {platform}-kanaal heeft --{flag} nodig ({label}).</source>
      <translation>A {platform} channel needs --{flag} ({label}).</translation>
    </message>
    <message>
      <source>Een {platform}-kanaal heeft een geheim nodig (token of wachtwoord).</source>
      <translation>A {platform} channel needs its secret (token or password).</translation>
    </message>
    <message>
      <source>Een bericht voor {platform}/{account} kwam binnen op kanaal {id}.</source>
      <translation>An item for {platform}/{account} arrived on channel {id}.</translation>
    </message>
    <message>
      <source>Zaak {id} heeft geen bericht van een burger om op te antwoorden.</source>
      <translation>Case {id} has no message from a citizen to answer.</translation>
    </message>
    <message>
      <source>De instellingen van een kanaal zijn namen met waarden.</source>
      <translation>Channel options must be a mapping of names to values.</translation>
    </message>
    <message>
      <source>Niet duidelijk welk account dit kanaal is; controleer de instellingen.</source>
      <translation>Could not tell which account this channel is; check its options.</translation>
    </message>
    <message>
      <source>Newsroom heeft geen koppeling voor {platform!r}; kies uit {choices}.</source>
      <translation>Newsroom has no connector for {platform!r}; choose one of {choices}.</translation>
    </message>
    <message>
      <source>Alleen de ophaaldienst bewaart wat een kanaal aanleverde.</source>
      <translation>Only the collector stores what a channel delivered.</translation>
    </message>
    <message>
      <source>Alleen de verzender zet een antwoord op verzenden.</source>
      <translation>Only the sender moves a reply through sending.</translation>
    </message>
    <message>
      <source>Antwoord {id} is niet mislukt (het is {state}).</source>
      <translation>Reply {id} has not failed (it is {state}).</translation>
    </message>
    <message>
      <source>Antwoord {id} is {state}, niet onderweg.</source>
      <translation>Reply {id} is {state}, not on its way.</translation>
    </message>
    <message>
      <source>Antwoord {id} is {state}, niet in de wachtrij.</source>
      <translation>Reply {id} is {state}, not queued.</translation>
    </message>
    <message>
      <source>Antwoord {id} is al verstuurd.</source>
      <translation>Reply {id} was already sent.</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een burger te antwoorden (--as GEBRUIKER).</source>
      <translation>Say who you are to answer a citizen (--as USER).</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een antwoord opnieuw te versturen (--as GEBRUIKER).</source>
      <translation>Say who you are to retry a reply (--as USER).</translation>
    </message>
    <message>
      <source>Geheimen horen in de sleutelbos, niet in de instellingen van het kanaal ({key!r}).</source>
      <translation>Secrets go in the keyring, not in the channel's options ({key!r}).</translation>
    </message>
    <message>
      <source>De kanaalinstelling {key!r} heeft een waarde die niet kan worden bewaard.</source>
      <translation>The channel option {key!r} has a value that cannot be stored.</translation>
    </message>
    <message>
      <source>Het kanaal {name!r} is niet verbonden.</source>
      <translation>The channel {name!r} is not connected.</translation>
    </message>
    <message>
      <source>De burger schreef via {platform}-account {account!r}, dat niet verbonden is; voeg dat kanaal eerst toe om hier te antwoorden.</source>
      <translation>The citizen wrote on {platform} account {account!r}, which is not connected; add the channel before answering here.</translation>
    </message>
    <message>
      <source>Het {platform}-account {account!r} is al verbonden.</source>
      <translation>The {platform} account {account!r} is already connected.</translation>
    </message>
    <message>
      <source>Er is al een kanaal met de naam {name!r}.</source>
      <translation>There is already a channel called {name!r}.</translation>
    </message>
    <message>
      <source>Er is geen kanaal {id}.</source>
      <translation>There is no channel {id}.</translation>
    </message>
    <message>
      <source>Er is geen verbonden kanaal {name!r}. Zie 'newsroom channel list'.</source>
      <translation>There is no connected channel {name!r}. See 'newsroom channel list'.</translation>
    </message>
    <message>
      <source>Er is geen antwoord {id}.</source>
      <translation>There is no reply {id}.</translation>
    </message>
    <message>
      <source>Er is geen apart gezet bericht {id}.</source>
      <translation>There is no set-aside item {id}.</translation>
    </message>
    <message>
      <source>Dit antwoord is al verstuurd of onderweg (antwoord {reply}).</source>
      <translation>This answer was already sent or is on its way (reply {reply}).</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag geen kanalen wijzigen; vraag het een beheerder.</source>
      <translation>{actor} ({role}) may not change channels; ask an admin.</translation>
    </message>
    <message>
      <source>{platform!r} is geen platform dat Newsroom kent.</source>
      <translation>{platform!r} is not a platform Newsroom knows.</translation>
    </message>
    <message>
      <source>Antwoord {id} wordt opnieuw verstuurd.</source>
      <translation>Answer {id} is being sent again.</translation>
    </message>
    <message>
      <source>Antwoord bij zaak {id} staat in de wachtrij voor {channel}.</source>
      <translation>The answer on case {id} is queued for {channel}.</translation>
    </message>
    <message>
      <source>Verstuur het antwoord aan de burger via het kanaal waarop die schreef.</source>
      <translation>Send the answer to the citizen on the channel they wrote on.</translation>
    </message>
    <message>
      <source>Kanalen…</source>
      <translation>Channels…</translation>
    </message>
    <message>
      <source>De verbonden kanalen, hoe ze werken, en apart gezette berichten.</source>
      <translation>The connected channels, how they are doing, and messages set aside.</translation>
    </message>
    <message>
      <source>ontvangstbevestiging</source>
      <translation>acknowledgement</translation>
    </message>
    <message>
      <source>tussenbericht</source>
      <translation>holding answer</translation>
    </message>
    <message>
      <source>incidentantwoord</source>
      <translation>incident answer</translation>
    </message>
    <message>
      <source>overgedragen aan afdeling</source>
      <translation>handed off to a department</translation>
    </message>
    <message>
      <source>teruggestuurd</source>
      <translation>sent back</translation>
    </message>
    <message>
      <source>antwoord in de wachtrij gezet</source>
      <translation>answer queued</translation>
    </message>
    <message>
      <source>antwoord opnieuw verstuurd</source>
      <translation>answer retried</translation>
    </message>
    <message>
      <source>minder dan 1 min</source>
      <translation>less than 1 min</translation>
    </message>
    <message>
      <source>Eerste reactie</source>
      <translation>First response</translation>
    </message>
    <message>
      <source>Afhandeling</source>
      <translation>Resolution</translation>
    </message>
    <message>
      <source>{h} u {m} min</source>
      <translation>{h} h {m} min</translation>
    </message>
    <message>
      <source>Termijnen</source>
      <translation>Response targets</translation>
    </message>
    <message>
      <source>Routering</source>
      <translation>Routing</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>Incident</translation>
    </message>
    <message>
      <source>Tips voor eenvoudige taal</source>
      <translation>Plain language tips</translation>
    </message>
    <message>
      <source>Tips voor duidelijke taal (B1) bij wat u typt; alleen advies, versturen kan altijd.</source>
      <translation>Tips for plain language (B1) on what you type; advice only, you can always send.</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
    <message>
      <source>{h} u</source>
      <translation>{h} h</translation>
    </message>
    <message>
      <source>Volgende reactie #{n}</source>
      <translation>Next response #{n}</translation>
    </message>
    <message>
      <source>Afdeling #{n}</source>
      <translation>Department #{n}</translation>
    </message>
    <message>
      <source>gepauzeerd: wacht op burger</source>
      <translation>paused: waiting on the citizen</translation>
    </message>
    <message>
      <source>Waarschuwing: 75% van de termijn is op.</source>
      <translation>Warning: 75% of the target time is used.</translation>
    </message>
    <message>
      <source>Dringend: 90% van de termijn is op.</source>
      <translation>Urgent: 90% of the target time is used.</translation>
    </message>
    <message>
      <source>De termijn is verstreken: te laat.</source>
      <translation>The target has passed: late.</translation>
    </message>
    <message>
      <source>Dit kan hier niet: het venster gaf de zaak geen verbinding met de database.</source>
      <translation>This cannot be done here: the window gave the case no connection to the database.</translation>
    </message>
    <message>
      <source>Zaak {id} is overgedragen aan {department}.</source>
      <translation>Case {id} was handed off to {department}.</translation>
    </message>
    <message>
      <source>De burger krijgt een tussenbericht.</source>
      <translation>The citizen gets a holding answer.</translation>
    </message>
    <message>
      <source>De crisismodus staat uit: er is geen vastgezet crisisbericht.</source>
      <translation>Crisis mode is off: there is no pinned crisis statement.</translation>
    </message>
    <message>
      <source>te laat</source>
      <translation>late</translation>
    </message>
    <message>
      <source>gestopt</source>
      <translation>stopped</translation>
    </message>
    <message>
      <source>Er kon geen tussenbericht uit (het kanaal is niet verbonden of er past geen tekst).</source>
      <translation>No holding answer could go out (the channel is not connected or no text fits).</translation>
    </message>
    <message>
      <source>Het crisisbericht van “{name}” staat in het antwoord.</source>
      <translation>The crisis statement of “{name}” is in the reply.</translation>
    </message>
    <message>
      <source>was uiterlijk {time}</source>
      <translation>was due {time}</translation>
    </message>
    <message>
      <source>uiterlijk {time}</source>
      <translation>due {time}</translation>
    </message>
    <message>
      <source>Gerouteerd door regel “{name}”</source>
      <translation>Routed by rule “{name}”</translation>
    </message>
    <message>
      <source>Hoort bij incident {ids}</source>
      <translation>Part of incident {ids}</translation>
    </message>
    <message>
      <source>Antwoord {id} ({kind}): {state}</source>
      <translation>Answer {id} ({kind}): {state}</translation>
    </message>
    <message>
      <source>Verwacht antwoord: {time}.</source>
      <translation>Expected answer: {time}.</translation>
    </message>
    <message>
      <source>Zaak {id} is niet overgedragen, dus terugsturen kan niet.</source>
      <translation>Case {id} was not handed off, so it cannot be sent back.</translation>
    </message>
    <message>
      <source>De crisis “{name}” heeft geen vastgezet bericht.</source>
      <translation>The crisis “{name}” has no pinned statement.</translation>
    </message>
    <message>
      <source>nog {span} over</source>
      <translation>{span} left</translation>
    </message>
    <message>
      <source>gehaald</source>
      <translation>met</translation>
    </message>
    <message>
      <source>Zaak {id} is teruggestuurd naar {department}.</source>
      <translation>Case {id} was sent back to {department}.</translation>
    </message>
    <message>
      <source>Tip: {hint}</source>
      <translation>Tip: {hint}</translation>
    </message>
    <message>
      <source>te laat gehaald om {time}</source>
      <translation>met late at {time}</translation>
    </message>
    <message>
      <source>de afdeling die haar overdroeg</source>
      <translation>the department that handed it off</translation>
    </message>
    <message>
      <source>gehaald om {time}</source>
      <translation>met at {time}</translation>
    </message>
    <message>
      <source>om {time}</source>
      <translation>at {time}</translation>
    </message>
    <message>
      <source>Crisismodus</source>
      <translation>Crisis mode</translation>
    </message>
    <message>
      <source>Zet de crisismodus aan of uit. Tijdens een crisis lopen de termijnen voor het crisisonderwerp dag en nacht, en staat het vastgezette tussenbericht onder F9 in het antwoord.</source>
      <translation>Switch crisis mode on or off. During a crisis, targets for the crisis topic run day and night, and F9 puts the pinned holding statement in the reply.</translation>
    </message>
    <message>
      <source>Nu aan</source>
      <translation>On now</translation>
    </message>
    <message>
      <source>Crises die aan staan</source>
      <translation>Crises that are on</translation>
    </message>
    <message>
      <source>Per crisis: de naam, het onderwerp (labels en kanalen) en sinds wanneer.</source>
      <translation>Per crisis: the name, the topic (tags and channels) and since when.</translation>
    </message>
    <message>
      <source>Vastgezet tussenbericht</source>
      <translation>Pinned holding statement</translation>
    </message>
    <message>
      <source>Het tussenbericht van de gekozen crisis, zoals F9 het in een antwoord zet.</source>
      <translation>The holding statement of the chosen crisis, as F9 puts it in a reply.</translation>
    </message>
    <message>
      <source>Crisismodus uitzetten</source>
      <translation>Switch crisis mode off</translation>
    </message>
    <message>
      <source>Zet de gekozen crisis uit; de termijnen volgen vanaf nu weer hun eigen kalender.</source>
      <translation>Switch the chosen crisis off; from now on targets follow their own calendar again.</translation>
    </message>
    <message>
      <source>Crisismodus aanzetten</source>
      <translation>Switch crisis mode on</translation>
    </message>
    <message>
      <source>Bijvoorbeeld: Storm 14 november</source>
      <translation>For example: Storm 14 November</translation>
    </message>
    <message>
      <source>Naam van de crisis</source>
      <translation>Name of the crisis</translation>
    </message>
    <message>
      <source>Een korte naam; die staat in de statusbalk zolang de crisis aan staat.</source>
      <translation>A short name; it shows in the status bar while the crisis is on.</translation>
    </message>
    <message>
      <source>storm, wateroverlast</source>
      <translation>storm, flooding</translation>
    </message>
    <message>
      <source>Labels van het crisisonderwerp</source>
      <translation>Tags of the crisis topic</translation>
    </message>
    <message>
      <source>Labels gescheiden door komma's; zaken met een van deze labels horen bij de crisis.</source>
      <translation>Tags separated by commas; cases with one of these tags belong to the crisis.</translation>
    </message>
    <message>
      <source>&amp;Labels</source>
      <translation>&amp;Tags</translation>
    </message>
    <message>
      <source>Kanalen van het crisisonderwerp</source>
      <translation>Channels of the crisis topic</translation>
    </message>
    <message>
      <source>Vink kanalen aan waarvan alle zaken bij de crisis horen. Spatie vinkt aan of uit.</source>
      <translation>Tick the channels all of whose cases belong to the crisis. Space ticks or unticks.</translation>
    </message>
    <message>
      <source>&amp;Kanalen</source>
      <translation>&amp;Channels</translation>
    </message>
    <message>
      <source>Het vastgezette tussenbericht, bijvoorbeeld: We weten van de storing en werken eraan.</source>
      <translation>The pinned holding statement, for example: We know about the outage and are working on it.</translation>
    </message>
    <message>
      <source>De tekst die F9 in een antwoord zet zolang de crisis aan staat.</source>
      <translation>The text F9 puts in a reply while the crisis is on.</translation>
    </message>
    <message>
      <source>&amp;Tussenbericht</source>
      <translation>&amp;Holding statement</translation>
    </message>
    <message>
      <source>Zet de crisis aan; de termijnen van de zaken die erbij horen lopen vanaf nu dag en nacht.</source>
      <translation>Switch the crisis on; from now on the targets of its cases run day and night.</translation>
    </message>
    <message>
      <source>Sluit dit venster.</source>
      <translation>Close this window.</translation>
    </message>
    <message>
      <source>Alleen een teamleider of beheerder zet de crisismodus aan of uit. U ziet hier wat aan staat.</source>
      <translation>Only a supervisor or an administrator switches crisis mode on or off. Here you see what is on.</translation>
    </message>
    <message>
      <source>De crisismodus staat uit.</source>
      <translation>Crisis mode is off.</translation>
    </message>
    <message>
      <source>Geef de crisis een naam.</source>
      <translation>Give the crisis a name.</translation>
    </message>
    <message>
      <source>Noem het onderwerp van de crisis: minstens één label of kanaal.</source>
      <translation>Name the crisis topic: at least one tag or channel.</translation>
    </message>
    <message>
      <source>{name} — {topic} (sinds {when})</source>
      <translation>{name} — {topic} (since {when})</translation>
    </message>
    <message>
      <source>labels: {tags}</source>
      <translation>tags: {tags}</translation>
    </message>
    <message>
      <source>kanalen: {channels}</source>
      <translation>channels: {channels}</translation>
    </message>
    <message>
      <source>De crisismodus staat aan: {name}. {n} zaken herberekend.</source>
      <translation>Crisis mode is on: {name}. {n} cases recomputed.</translation>
    </message>
    <message>
      <source>De crisismodus is uit: {name}.</source>
      <translation>Crisis mode is off: {name}.</translation>
    </message>
    <message>
      <source>Kies de afdeling die de zaak overneemt en schrijf erbij wat zij moeten weten. De afdeling krijgt een eigen termijn.</source>
      <translation>Choose the department that takes the case over and write what they need to know. The department gets its own target.</translation>
    </message>
    <message>
      <source>De zaak gaat terug naar wie haar overdroeg. Schrijf waarom; dat komt bij de notities.</source>
      <translation>The case goes back to whoever handed it off. Write why; it goes into the notes.</translation>
    </message>
    <message>
      <source>Wat er mis is</source>
      <translation>What is wrong</translation>
    </message>
    <message>
      <source>Overdragen</source>
      <translation>Hand off</translation>
    </message>
    <message>
      <source>&amp;Afdeling</source>
      <translation>&amp;Department</translation>
    </message>
    <message>
      <source>Afdeling zoeken</source>
      <translation>Find a department</translation>
    </message>
    <message>
      <source>Typ een deel van de naam; pijltjes omhoog en omlaag kiezen in de lijst. Tab gaat naar de notitie.</source>
      <translation>Type part of the name; the up and down arrows choose in the list. Tab goes to the note.</translation>
    </message>
    <message>
      <source>Typ om te zoeken…</source>
      <translation>Type to search…</translation>
    </message>
    <message>
      <source>Afdelingen</source>
      <translation>Departments</translation>
    </message>
    <message>
      <source>De afdelingen die bij de zoektekst passen; de gekozen afdeling krijgt de zaak.</source>
      <translation>The departments that match the search; the chosen department gets the case.</translation>
    </message>
    <message>
      <source>Gekozen afdeling</source>
      <translation>Chosen department</translation>
    </message>
    <message>
      <source>&amp;Notitie voor de afdeling (verplicht)</source>
      <translation>&amp;Note for the department (required)</translation>
    </message>
    <message>
      <source>Notitie voor de afdeling</source>
      <translation>Note for the department</translation>
    </message>
    <message>
      <source>Verplicht: wat de afdeling moet weten. Enter draagt over, Shift+Enter begint een nieuwe regel.</source>
      <translation>Required: what the department needs to know. Enter hands off, Shift+Enter starts a new line.</translation>
    </message>
    <message>
      <source>&amp;Tussenbericht aan de burger sturen</source>
      <translation>Send the citizen a &amp;holding answer</translation>
    </message>
    <message>
      <source>Tussenbericht aan de burger sturen</source>
      <translation>Send the citizen a holding answer</translation>
    </message>
    <message>
      <source>De burger krijgt een bericht dat de afdeling het overneemt, met de datum waarop hij antwoord kan verwachten.</source>
      <translation>The citizen hears that the department takes it over, with the date an answer can be expected.</translation>
    </message>
    <message>
      <source>Kies een afdeling uit de lijst.</source>
      <translation>Choose a department from the list.</translation>
    </message>
    <message>
      <source>Schrijf een notitie voor de afdeling: wat moeten zij weten?</source>
      <translation>Write a note for the department: what do they need to know?</translation>
    </message>
    <message>
      <source>Terugsturen</source>
      <translation>Send back</translation>
    </message>
    <message>
      <source>&amp;Reden (verplicht)</source>
      <translation>&amp;Reason (required)</translation>
    </message>
    <message>
      <source>Reden van terugsturen</source>
      <translation>Reason for sending back</translation>
    </message>
    <message>
      <source>Verplicht. Enter stuurt terug, Shift+Enter begint een nieuwe regel.</source>
      <translation>Required. Enter sends back, Shift+Enter starts a new line.</translation>
    </message>
    <message>
      <source>Schrijf de reden: waarom gaat de zaak terug?</source>
      <translation>Write the reason: why does the case go back?</translation>
    </message>
    <message>
      <source>Zaak {id} overdragen</source>
      <translation>Hand off case {id}</translation>
    </message>
    <message>
      <source>Geen afdeling past bij deze zoektekst.</source>
      <translation>No department matches this search.</translation>
    </message>
    <message>
      <source>Zaak {id} terugsturen</source>
      <translation>Send case {id} back</translation>
    </message>
    <message>
      <source>Gaat naar: {department}</source>
      <translation>Goes to: {department}</translation>
    </message>
    <message>
      <source>75% van de termijn is om</source>
      <translation>75% of the target time has passed</translation>
    </message>
    <message>
      <source>90% van de termijn is om</source>
      <translation>90% of the target time has passed</translation>
    </message>
    <message>
      <source>termijn verlopen</source>
      <translation>target missed</translation>
    </message>
    <message>
      <source>Voorgesteld</source>
      <translation>Proposed</translation>
    </message>
    <message>
      <source>Geaccepteerd</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>Afgewezen</source>
      <translation>Declined</translation>
    </message>
    <message>
      <source>het kanaal {platform} {account} is niet verbonden</source>
      <translation>the channel {platform} {account} is not connected</translation>
    </message>
    <message>
      <source>dit antwoord is al verstuurd of onderweg</source>
      <translation>this answer was already sent or is on its way</translation>
    </message>
    <message>
      <source>geen bericht van een burger om op te antwoorden</source>
      <translation>no message from a citizen to answer</translation>
    </message>
    <message>
      <source>in de wachtrij</source>
      <translation>queued</translation>
    </message>
    <message>
      <source>wordt verstuurd</source>
      <translation>being sent</translation>
    </message>
    <message>
      <source>verstuurd</source>
      <translation>sent</translation>
    </message>
    <message>
      <source>mislukt</source>
      <translation>failed</translation>
    </message>
    <message>
      <source>Melders</source>
      <translation>Reporters</translation>
    </message>
    <message>
      <source>Eerste</source>
      <translation>First</translation>
    </message>
    <message>
      <source>Laatste</source>
      <translation>Last</translation>
    </message>
    <message>
      <source>Newsroom stelt een incident voor als meerdere mensen kort na elkaar over hetzelfde op dezelfde plek schrijven. Accepteer het om alle melders met één antwoord te bereiken, elk op het eigen kanaal.</source>
      <translation>Newsroom proposes an incident when several people write about the same thing in the same place within a short time. Accept it to reach every reporter with one answer, each on their own channel.</translation>
    </message>
    <message>
      <source>Incidenten</source>
      <translation>Incidents</translation>
    </message>
    <message>
      <source>Veel meldingen over één ding: één keer beslissen, één antwoord aan alle melders.</source>
      <translation>Many reports about one thing: decide once, one answer to every reporter.</translation>
    </message>
    <message>
      <source>Uitleg</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <source>Welke incidenten</source>
      <translation>Which incidents</translation>
    </message>
    <message>
      <source>Alle incidenten, of alleen voorgestelde, geaccepteerde of afgewezen.</source>
      <translation>All incidents, or only proposed, accepted or declined ones.</translation>
    </message>
    <message>
      <source>Alle</source>
      <translation>All</translation>
    </message>
    <message>
      <source>&amp;Toon:</source>
      <translation>&amp;Show:</translation>
    </message>
    <message>
      <source>Nu &amp;zoeken</source>
      <translation>Sc&amp;an now</translation>
    </message>
    <message>
      <source>Zoekt in de berichten van de laatste zes uur naar nieuwe incidenten.</source>
      <translation>Looks for new incidents in the messages of the last six hours.</translation>
    </message>
    <message>
      <source>Zoeken naar incidenten</source>
      <translation>Looking for incidents</translation>
    </message>
    <message>
      <source>Uitslag van het zoeken</source>
      <translation>Result of the scan</translation>
    </message>
    <message>
      <source>Per incident: status, titel, aantal melders, kanalen, eerste en laatste melding. A accepteert, D wijst af.</source>
      <translation>Per incident: status, title, number of reporters, channels, first and last report. A accepts, D declines.</translation>
    </message>
    <message>
      <source>Gekozen incident</source>
      <translation>Chosen incident</translation>
    </message>
    <message>
      <source>Accepteren (A)</source>
      <translation>Accept (A)</translation>
    </message>
    <message>
      <source>Dit is één incident: de melders krijgen samen één antwoord (A).</source>
      <translation>This is one incident: the reporters get one answer together (A).</translation>
    </message>
    <message>
      <source>Afwijzen (D)</source>
      <translation>Decline (D)</translation>
    </message>
    <message>
      <source>Dit is geen incident; het wordt niet opnieuw voorgesteld (D).</source>
      <translation>This is not an incident; it is not proposed again (D).</translation>
    </message>
    <message>
      <source>Gegevens van het incident</source>
      <translation>Facts of the incident</translation>
    </message>
    <message>
      <source>Meldingen in het incident</source>
      <translation>Reports in the incident</translation>
    </message>
    <message>
      <source>Per melding: zaak, platform, kanaal, afzender, tijd en het begin van het bericht, als platte tekst. Delete haalt de gekozen zaak uit het incident.</source>
      <translation>Per report: case, platform, channel, author, time and the start of the message, as plain text. Delete takes the chosen case out of the incident.</translation>
    </message>
    <message>
      <source>Uit incident &amp;halen</source>
      <translation>&amp;Take out of incident</translation>
    </message>
    <message>
      <source>Haalt de gekozen zaak uit het incident (Delete); zoeken zet haar er niet terug.</source>
      <translation>Takes the chosen case out of the incident (Delete); scanning does not put it back.</translation>
    </message>
    <message>
      <source>&amp;Eén antwoord aan alle melders</source>
      <translation>&amp;One answer to every reporter</translation>
    </message>
    <message>
      <source>Eén antwoord aan alle melders</source>
      <translation>One answer to every reporter</translation>
    </message>
    <message>
      <source>Gaat naar elke melder op het kanaal waarop die schreef. Ctrl+Shift+Enter verstuurt.</source>
      <translation>Goes to every reporter on the channel they wrote on. Ctrl+Shift+Enter sends.</translation>
    </message>
    <message>
      <source>Lengte van het antwoord</source>
      <translation>Length of the answer</translation>
    </message>
    <message>
      <source>&amp;Versturen</source>
      <translation>&amp;Send</translation>
    </message>
    <message>
      <source>Zet voor elke melder een antwoord in de wachtrij (Ctrl+Shift+Enter). Kan niet ongedaan worden gemaakt.</source>
      <translation>Queues an answer for every reporter (Ctrl+Shift+Enter). Cannot be undone.</translation>
    </message>
    <message>
      <source>Sluit de incidenten (Escape).</source>
      <translation>Closes the incidents (Escape).</translation>
    </message>
    <message>
      <source>Zoeken in de berichten van de laatste zes uur…</source>
      <translation>Looking through the messages of the last six hours…</translation>
    </message>
    <message>
      <source>{platform}: {length} / {limit}</source>
      <translation>{platform}: {length} / {limit}</translation>
    </message>
    <message>
      <source>(te lang)</source>
      <translation>(too long)</translation>
    </message>
    <message>
      <source>Alleen redacteuren, teamleiders en beheerders beslissen over incidenten; u kunt ze bekijken.</source>
      <translation>Only operators, supervisors and admins decide on incidents; you can look at them.</translation>
    </message>
    <message>
      <source>Geen incident gekozen.</source>
      <translation>No incident chosen.</translation>
    </message>
    <message>
      <source>Het antwoord aan alle melders</source>
      <translation>The answer to every reporter</translation>
    </message>
    <message>
      <source>Accepteer het incident om de melders te antwoorden.</source>
      <translation>Accept the incident to answer its reporters.</translation>
    </message>
    <message>
      <source>Dat lukte niet; zie het logboek.</source>
      <translation>That did not work; see the log.</translation>
    </message>
    <message>
      <source>Newsroom sluit af; er is niets verstuurd.</source>
      <translation>Newsroom is shutting down; nothing was sent.</translation>
    </message>
    <message>
      <source>Newsroom sluit af.</source>
      <translation>Newsroom is shutting down.</translation>
    </message>
    <message>
      <source>{n} tekens; de platforms van deze melders hebben geen lengtegrens.</source>
      <translation>{n} characters; the platforms of these reporters have no length limit.</translation>
    </message>
    <message>
      <source>zaak {case} ({why})</source>
      <translation>case {case} ({why})</translation>
    </message>
    <message>
      <source>en nog {n}</source>
      <translation>and {n} more</translation>
    </message>
    <message>
      <source>Incident {id}: {title}</source>
      <translation>Incident {id}: {title}</translation>
    </message>
    <message>
      <source>{status} door {who}</source>
      <translation>{status} by {who}</translation>
    </message>
    <message>
      <source>{reporters} melders, {messages} berichten, {cases} zaken</source>
      <translation>{reporters} reporters, {messages} messages, {cases} cases</translation>
    </message>
    <message>
      <source>&amp;Versturen aan {n} melders</source>
      <translation>&amp;Send to {n} reporters</translation>
    </message>
    <message>
      <source>{n} antwoorden in de wachtrij gezet, elk op het kanaal van de melder.</source>
      <translation>{n} answers queued, each on the reporter's own channel.</translation>
    </message>
    <message>
      <source>Zoeken lukte niet; zie het logboek.</source>
      <translation>The scan did not work; see the log.</translation>
    </message>
    <message>
      <source>categorie {name}</source>
      <translation>category {name}</translation>
    </message>
    <message>
      <source>antwoorden: {states}</source>
      <translation>answers: {states}</translation>
    </message>
    <message>
      <source>{messages} berichten bekeken: {new} nieuwe incidenten, {added} meldingen bij bestaande.</source>
      <translation>{messages} messages looked at: {new} new incidents, {added} reports added to existing ones.</translation>
    </message>
    <message>
      <source>Overgeslagen: {cases}.</source>
      <translation>Skipped: {cases}.</translation>
    </message>
    <message>
      <source>Incident {id} is afgewezen.</source>
      <translation>Incident {id} was declined.</translation>
    </message>
    <message>
      <source>Zaak {case} is uit incident {id} gehaald.</source>
      <translation>Case {case} was taken out of incident {id}.</translation>
    </message>
    <message>
      <source>Incident {id} is geaccepteerd; schrijf nu één antwoord aan alle melders.</source>
      <translation>Incident {id} was accepted; now write one answer to every reporter.</translation>
    </message>
    <message>
      <source>Crisismodus openen (Ctrl+Shift+M)</source>
      <translation>Open crisis mode (Ctrl+Shift+M)</translation>
    </message>
    <message>
      <source>⚠ Crisismodus: {name}</source>
      <translation>⚠ Crisis mode: {name}</translation>
    </message>
    <message>
      <source>Dit onderdeel ontbreekt in deze installatie. Installeer Newsroom opnieuw of vraag de beheerder.</source>
      <translation>This part is missing from this installation. Reinstall Newsroom or ask your administrator.</translation>
    </message>
    <message>
      <source>Crisismodus staat aan: {name}. De termijnen van het crisisonderwerp lopen dag en nacht; F9 zet het tussenbericht in een antwoord, Ctrl+Shift+M opent de crisismodus.</source>
      <translation>Crisis mode is on: {name}. Targets for the crisis topic run day and night; F9 puts the holding statement in a reply, Ctrl+Shift+M opens crisis mode.</translation>
    </message>
    <message>
      <source>eerste reactie</source>
      <translation>first response</translation>
    </message>
    <message>
      <source>volgende reactie</source>
      <translation>next response</translation>
    </message>
    <message>
      <source>afhandeling</source>
      <translation>resolution</translation>
    </message>
    <message>
      <source>Meerdere melders schrijven over hetzelfde. Openen toont de voorgestelde incidenten.</source>
      <translation>Several people are writing about the same thing. Open shows the proposed incidents.</translation>
    </message>
    <message>
      <source>Termijn verlopen</source>
      <translation>Target missed</translation>
    </message>
    <message>
      <source>Termijn bijna op</source>
      <translation>Target nearly reached</translation>
    </message>
    <message>
      <source>{n} termijnen vragen aandacht</source>
      <translation>{n} targets need attention</translation>
    </message>
    <message>
      <source>{summary} ({cases} zaken). Openen toont de zaken die dreigen te laat te zijn.</source>
      <translation>{summary} ({cases} cases). Open shows the cases at risk of being late.</translation>
    </message>
    <message>
      <source>De laatste melding: termijnen die bijna op zijn of verlopen, of een mogelijk incident.</source>
      <translation>The latest notification: targets nearly reached or missed, or a possible incident.</translation>
    </message>
    <message>
      <source>Openen</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Melding openen</source>
      <translation>Open notification</translation>
    </message>
    <message>
      <source>Open de zaak of de lijst waar de melding over gaat.</source>
      <translation>Open the case or the list the notification is about.</translation>
    </message>
    <message>
      <source>Melding sluiten</source>
      <translation>Close notification</translation>
    </message>
    <message>
      <source>Verberg deze melding.</source>
      <translation>Hide this notification.</translation>
    </message>
    <message>
      <source>Zaak {id}{who}: {what}.</source>
      <translation>Case {id}{who}: {what}.</translation>
    </message>
    <message>
      <source>1 termijn verlopen</source>
      <translation>1 target missed</translation>
    </message>
    <message>
      <source>Mogelijk incident: {n} melders</source>
      <translation>Possible incident: {n} reporters</translation>
    </message>
    <message>
      <source>de termijn voor {clock} is verlopen</source>
      <translation>the {clock} target has passed</translation>
    </message>
    <message>
      <source>{level}% van de termijn voor {clock} is om</source>
      <translation>{level}% of the {clock} target has passed</translation>
    </message>
    <message>
      <source>{n} termijnen verlopen</source>
      <translation>{n} targets missed</translation>
    </message>
    <message>
      <source>{n} op {level}%</source>
      <translation>{n} at {level}%</translation>
    </message>
    <message>
      <source>platform</source>
      <translation>platform</translation>
    </message>
    <message>
      <source>kanaal</source>
      <translation>channel</translation>
    </message>
    <message>
      <source>een van de woorden</source>
      <translation>any of the words</translation>
    </message>
    <message>
      <source>alle woorden</source>
      <translation>all the words</translation>
    </message>
    <message>
      <source>geen van de woorden</source>
      <translation>none of the words</translation>
    </message>
    <message>
      <source>zinsdelen</source>
      <translation>phrases</translation>
    </message>
    <message>
      <source>reguliere expressie</source>
      <translation>regular expression</translation>
    </message>
    <message>
      <source>categorie</source>
      <translation>category</translation>
    </message>
    <message>
      <source>taal</source>
      <translation>language</translation>
    </message>
    <message>
      <source>afzender</source>
      <translation>author</translation>
    </message>
    <message>
      <source>gebied</source>
      <translation>area</translation>
    </message>
    <message>
      <source>tijd</source>
      <translation>time</translation>
    </message>
    <message>
      <source>handmatig</source>
      <translation>manual</translation>
    </message>
    <message>
      <source>om de beurt</source>
      <translation>round robin</translation>
    </message>
    <message>
      <source>minst belast</source>
      <translation>least loaded</translation>
    </message>
    <message>
      <source>ma</source>
      <translation>Mon</translation>
    </message>
    <message>
      <source>di</source>
      <translation>Tue</translation>
    </message>
    <message>
      <source>wo</source>
      <translation>Wed</translation>
    </message>
    <message>
      <source>do</source>
      <translation>Thu</translation>
    </message>
    <message>
      <source>vr</source>
      <translation>Fri</translation>
    </message>
    <message>
      <source>za</source>
      <translation>Sat</translation>
    </message>
    <message>
      <source>zo</source>
      <translation>Sun</translation>
    </message>
    <message>
      <source>elk bericht</source>
      <translation>every message</translation>
    </message>
    <message>
      <source>Nr.</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Naam</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Aan</source>
      <translation>On</translation>
    </message>
    <message>
      <source>Voorwaarden</source>
      <translation>Conditions</translation>
    </message>
    <message>
      <source>Acties</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>Fouten</source>
      <translation>Errors</translation>
    </message>
    <message>
      <source>Toewijzing</source>
      <translation>Assignment</translation>
    </message>
    <message>
      <source>Medewerker</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>Aanwezig</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Capaciteit</source>
      <translation>Capacity</translation>
    </message>
    <message>
      <source>Open zaken</source>
      <translation>Open cases</translation>
    </message>
    <message>
      <source>gescheiden door komma's</source>
      <translation>separated by commas</translation>
    </message>
    <message>
      <source>Elk nieuw bericht loopt de regels van boven naar beneden langs. De eerste regel die een afdeling, prioriteit of toewijzing zet, bepaalt die; labels van alle passende regels tellen op.</source>
      <translation>Every new message goes through the rules from top to bottom. The first rule that sets a department, priority or assignment decides it; the tags of all matching rules add up.</translation>
    </message>
    <message>
      <source>Per afdeling: hoe nieuwe zaken aan de medewerkers gaan. Handmatig: de zaak wacht in de wachtrij van de afdeling. Om de beurt of minst belast: alleen aanwezige medewerkers onder hun capaciteit krijgen er een.</source>
      <translation>Per department: how new cases go to its agents. Manual: the case waits in the department's queue. Round robin or least loaded: only agents who are present and below their capacity get one.</translation>
    </message>
    <message>
      <source>stop</source>
      <translation>stop</translation>
    </message>
    <message>
      <source>Uitslag</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Nieuwe regel</source>
      <translation>New rule</translation>
    </message>
    <message>
      <source>Voorwaarden en acties van één routeringsregel; Voorbeeld toont welke berichten ze zou vangen.</source>
      <translation>Conditions and actions of one routing rule; Preview shows which messages it would catch.</translation>
    </message>
    <message>
      <source>Naam van de regel</source>
      <translation>Name of the rule</translation>
    </message>
    <message>
      <source>Hoe de regel in de lijst heet, bijvoorbeeld 'Afval naar Afval en Reiniging'.</source>
      <translation>What the rule is called in the list, for example 'Waste to Waste and Cleaning'.</translation>
    </message>
    <message>
      <source>&amp;Meteen aanzetten</source>
      <translation>Switch on &amp;now</translation>
    </message>
    <message>
      <source>Meteen aanzetten</source>
      <translation>Switch on now</translation>
    </message>
    <message>
      <source>Een regel die uit staat, wordt bewaard maar stuurt nog niets.</source>
      <translation>A rule that is off is stored but routes nothing yet.</translation>
    </message>
    <message>
      <source>Regel</source>
      <translation>Rule</translation>
    </message>
    <message>
      <source>Formulier of JSON; Ctrl+Tab wisselt.</source>
      <translation>Form or JSON; Ctrl+Tab switches.</translation>
    </message>
    <message>
      <source>&amp;Formulier</source>
      <translation>&amp;Form</translation>
    </message>
    <message>
      <source>Regel als JSON</source>
      <translation>Rule as JSON</translation>
    </message>
    <message>
      <source>De hele regel: 'when' met de voorwaarden, 'then' met de acties. Hier kan alles wat het formulier niet heeft, zoals een gebied als veelhoek.</source>
      <translation>The whole rule: 'when' with the conditions, 'then' with the actions. Everything the form lacks goes here, such as an area as a polygon.</translation>
    </message>
    <message>
      <source>&amp;JSON</source>
      <translation>&amp;JSON</translation>
    </message>
    <message>
      <source>Controle van de regel</source>
      <translation>Check of the rule</translation>
    </message>
    <message>
      <source>&amp;Voorbeeld</source>
      <translation>&amp;Preview</translation>
    </message>
    <message>
      <source>Laat zien welke van de laatste 1.000 berichten deze regel zou vangen. Er wordt niets bewaard.</source>
      <translation>Shows which of the last 1,000 messages this rule would catch. Nothing is stored.</translation>
    </message>
    <message>
      <source>Voorbeeld wordt berekend</source>
      <translation>Preview is being worked out</translation>
    </message>
    <message>
      <source>Voorbeeld &amp;stoppen</source>
      <translation>&amp;Stop preview</translation>
    </message>
    <message>
      <source>Stopt het wachten op het voorbeeld.</source>
      <translation>Stops waiting for the preview.</translation>
    </message>
    <message>
      <source>Berichten die de regel zou vangen</source>
      <translation>Messages the rule would catch</translation>
    </message>
    <message>
      <source>Per bericht: tijd, platform, kanaal, afzender en het begin van het bericht, als platte tekst.</source>
      <translation>Per message: time, platform, channel, author and the start of the message, as plain text.</translation>
    </message>
    <message>
      <source>Opslaan (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <source>Bewaart de regel; nieuwe berichten worden er meteen mee gerouteerd.</source>
      <translation>Stores the rule; new messages are routed by it at once.</translation>
    </message>
    <message>
      <source>Sluit zonder iets te bewaren (Escape).</source>
      <translation>Closes without storing anything (Escape).</translation>
    </message>
    <message>
      <source>Voorwaarden (alle moeten kloppen; in een lijst is één genoeg)</source>
      <translation>Conditions (all must hold; in a list one is enough)</translation>
    </message>
    <message>
      <source>Platforms</source>
      <translation>Platforms</translation>
    </message>
    <message>
      <source>Reguliere expressie</source>
      <translation>Regular expression</translation>
    </message>
    <message>
      <source>Een patroon in Python-schrijfwijze over de eerste 1.000 tekens; hoofdletters tellen niet.</source>
      <translation>A pattern in Python syntax over the first 1,000 characters; case does not count.</translation>
    </message>
    <message>
      <source>&amp;Reguliere expressie</source>
      <translation>&amp;Regular expression</translation>
    </message>
    <message>
      <source>Vanaf (tijd)</source>
      <translation>From (time)</translation>
    </message>
    <message>
      <source>Vanaf dit tijdstip (UU:MM, Nederlandse tijd); leeg: 00:00.</source>
      <translation>From this time (HH:MM, Dutch time); empty: 00:00.</translation>
    </message>
    <message>
      <source>Tot (tijd)</source>
      <translation>To (time)</translation>
    </message>
    <message>
      <source>Tot dit tijdstip (UU:MM); leeg: 24:00. Over middernacht mag.</source>
      <translation>Until this time (HH:MM); empty: 24:00. Across midnight is allowed.</translation>
    </message>
    <message>
      <source>Tijd en dagen</source>
      <translation>Time and days</translation>
    </message>
    <message>
      <source>Breedtegraad</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Het midden van de cirkel: breedtegraad, bijvoorbeeld 52.09.</source>
      <translation>The centre of the circle: latitude, for example 52.09.</translation>
    </message>
    <message>
      <source>breedte</source>
      <translation>latitude</translation>
    </message>
    <message>
      <source>Lengtegraad</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Het midden van de cirkel: lengtegraad, bijvoorbeeld 5.12.</source>
      <translation>The centre of the circle: longitude, for example 5.12.</translation>
    </message>
    <message>
      <source>lengte</source>
      <translation>longitude</translation>
    </message>
    <message>
      <source>Straal in meters</source>
      <translation>Radius in metres</translation>
    </message>
    <message>
      <source>De straal van de cirkel in meters, tot 100.000.</source>
      <translation>The radius of the circle in metres, up to 100,000.</translation>
    </message>
    <message>
      <source>straal (m)</source>
      <translation>radius (m)</translation>
    </message>
    <message>
      <source>&amp;Gebied (cirkel)</source>
      <translation>Ar&amp;ea (circle)</translation>
    </message>
    <message>
      <source>Naar welke afdeling de zaak gaat.</source>
      <translation>Which department the case goes to.</translation>
    </message>
    <message>
      <source>Af&amp;deling</source>
      <translation>&amp;Department</translation>
    </message>
    <message>
      <source>De prioriteit van de nieuwe zaak.</source>
      <translation>The priority of the new case.</translation>
    </message>
    <message>
      <source>&amp;Prioriteit</source>
      <translation>Pr&amp;iority</translation>
    </message>
    <message>
      <source>La&amp;bels</source>
      <translation>Ta&amp;gs</translation>
    </message>
    <message>
      <source>Hoe de zaak binnen de afdeling aan iemand gaat; anders de keuze van de afdeling.</source>
      <translation>How the case goes to someone in the department; otherwise the department's choice.</translation>
    </message>
    <message>
      <source>T&amp;oewijzing</source>
      <translation>Assi&amp;gnment</translation>
    </message>
    <message>
      <source>Hierna &amp;stoppen</source>
      <translation>&amp;Stop after this</translation>
    </message>
    <message>
      <source>Hierna stoppen</source>
      <translation>Stop after this</translation>
    </message>
    <message>
      <source>Als deze regel past, worden de regels eronder niet meer bekeken.</source>
      <translation>When this rule matches, the rules below it are not looked at.</translation>
    </message>
    <message>
      <source>Deze voorwaarde staat in het JSON-tabblad.</source>
      <translation>This condition is in the JSON tab.</translation>
    </message>
    <message>
      <source>Voorbeeld gestopt.</source>
      <translation>Preview stopped.</translation>
    </message>
    <message>
      <source>Regels die bepalen waar een nieuw bericht heen gaat, en wie in een afdeling de zaken krijgt.</source>
      <translation>Rules that decide where a new message goes, and who in a department gets the cases.</translation>
    </message>
    <message>
      <source>&amp;Regels</source>
      <translation>&amp;Rules</translation>
    </message>
    <message>
      <source>&amp;Toewijzing</source>
      <translation>&amp;Assignment</translation>
    </message>
    <message>
      <source>Sluit de routering (Escape).</source>
      <translation>Closes routing (Escape).</translation>
    </message>
    <message>
      <source>Routeringsregels</source>
      <translation>Routing rules</translation>
    </message>
    <message>
      <source>Per regel: volgorde, naam, aan of uit, voorwaarden, acties en fouten. Enter bewerkt, Alt+pijl omhoog/omlaag verplaatst, spatie zet aan of uit, Delete verwijdert.</source>
      <translation>Per rule: order, name, on or off, conditions, actions and errors. Enter edits, Alt+arrow up/down moves, space switches on or off, Delete removes.</translation>
    </message>
    <message>
      <source>&amp;Nieuwe regel…</source>
      <translation>&amp;New rule…</translation>
    </message>
    <message>
      <source>Schrijf een nieuwe regel (Ctrl+N).</source>
      <translation>Write a new rule (Ctrl+N).</translation>
    </message>
    <message>
      <source>&amp;Bewerken…</source>
      <translation>&amp;Edit…</translation>
    </message>
    <message>
      <source>Bewerk de gekozen regel (Enter).</source>
      <translation>Edit the chosen rule (Enter).</translation>
    </message>
    <message>
      <source>Omhoog (Alt+↑)</source>
      <translation>Up (Alt+↑)</translation>
    </message>
    <message>
      <source>Zet de gekozen regel een plaats hoger (Alt+pijl omhoog).</source>
      <translation>Moves the chosen rule one place up (Alt+arrow up).</translation>
    </message>
    <message>
      <source>Omlaag (Alt+↓)</source>
      <translation>Down (Alt+↓)</translation>
    </message>
    <message>
      <source>Zet de gekozen regel een plaats lager (Alt+pijl omlaag).</source>
      <translation>Moves the chosen rule one place down (Alt+arrow down).</translation>
    </message>
    <message>
      <source>Zet de gekozen regel uit of weer aan (spatie).</source>
      <translation>Switches the chosen rule off or on again (space).</translation>
    </message>
    <message>
      <source>Verwijder de gekozen regel (Delete); er wordt eerst gevraagd.</source>
      <translation>Removes the chosen rule (Delete); you are asked first.</translation>
    </message>
    <message>
      <source>Per afdeling: hoe nieuwe zaken worden toegewezen.</source>
      <translation>Per department: how new cases are assigned.</translation>
    </message>
    <message>
      <source>Toewijzing van de gekozen afdeling</source>
      <translation>Assignment of the chosen department</translation>
    </message>
    <message>
      <source>Handmatig, om de beurt of minst belast.</source>
      <translation>Manual, round robin or least loaded.</translation>
    </message>
    <message>
      <source>Toe&amp;wijzing:</source>
      <translation>Assi&amp;gnment:</translation>
    </message>
    <message>
      <source>Toewijzing &amp;opslaan</source>
      <translation>Save ass&amp;ignment</translation>
    </message>
    <message>
      <source>Bewaart de toewijzing voor de gekozen afdeling.</source>
      <translation>Stores the assignment for the chosen department.</translation>
    </message>
    <message>
      <source>Medewerkers</source>
      <translation>Agents</translation>
    </message>
    <message>
      <source>Per medewerker van een afdeling: aanwezig of afwezig, capaciteit en open zaken.</source>
      <translation>Per department agent: present or absent, capacity and open cases.</translation>
    </message>
    <message>
      <source>&amp;Afwezig melden</source>
      <translation>Mark &amp;absent</translation>
    </message>
    <message>
      <source>Meldt de gekozen medewerker afwezig of weer aanwezig.</source>
      <translation>Marks the chosen agent absent or present again.</translation>
    </message>
    <message>
      <source>geen grens</source>
      <translation>no limit</translation>
    </message>
    <message>
      <source>Hoeveel open zaken de medewerker hoogstens krijgt; de laagste waarde is geen grens.</source>
      <translation>The most open cases the agent gets; the lowest value is no limit.</translation>
    </message>
    <message>
      <source>&amp;Capaciteit:</source>
      <translation>&amp;Capacity:</translation>
    </message>
    <message>
      <source>Capaciteit op&amp;slaan</source>
      <translation>&amp;Save capacity</translation>
    </message>
    <message>
      <source>Bewaart de capaciteit van de gekozen medewerker.</source>
      <translation>Stores the capacity of the chosen agent.</translation>
    </message>
    <message>
      <source>&amp;Aanwezig melden</source>
      <translation>Mark &amp;present</translation>
    </message>
    <message>
      <source>Regel '{name}' staat aan.</source>
      <translation>Rule '{name}' is on.</translation>
    </message>
    <message>
      <source>Regel '{name}' staat uit.</source>
      <translation>Rule '{name}' is off.</translation>
    </message>
    <message>
      <source>Regel verwijderen</source>
      <translation>Remove rule</translation>
    </message>
    <message>
      <source>{name} is afwezig gemeld.</source>
      <translation>{name} is marked absent.</translation>
    </message>
    <message>
      <source>{name} is aanwezig gemeld.</source>
      <translation>{name} is marked present.</translation>
    </message>
    <message>
      <source>{name}: geen grens aan open zaken.</source>
      <translation>{name}: no limit on open cases.</translation>
    </message>
    <message>
      <source>{name}: hoogstens {n} open zaken.</source>
      <translation>{name}: at most {n} open cases.</translation>
    </message>
    <message>
      <source>eigen wachtrij</source>
      <translation>own queue</translation>
    </message>
    <message>
      <source>aan</source>
      <translation>on</translation>
    </message>
    <message>
      <source>uit</source>
      <translation>off</translation>
    </message>
    <message>
      <source>{n}, laatste {when}: {reason}</source>
      <translation>{n}, last {when}: {reason}</translation>
    </message>
    <message>
      <source>afwezig</source>
      <translation>absent</translation>
    </message>
    <message>
      <source>aanwezig</source>
      <translation>present</translation>
    </message>
    <message>
      <source>Alleen berichten van de aangevinkte platforms; niets aangevinkt: elk platform.</source>
      <translation>Only messages from the ticked platforms; nothing ticked: every platform.</translation>
    </message>
    <message>
      <source>&amp;Kanaal</source>
      <translation>&amp;Channel</translation>
    </message>
    <message>
      <source>Naam of account van het kanaal; * en ? mogen.</source>
      <translation>Name or account of the channel; * and ? allowed.</translation>
    </message>
    <message>
      <source>Een van de &amp;woorden</source>
      <translation>Any of the &amp;words</translation>
    </message>
    <message>
      <source>Een van de woorden</source>
      <translation>Any of the words</translation>
    </message>
    <message>
      <source>Het bericht bevat minstens één van deze woorden (hoofdletters en accenten tellen niet).</source>
      <translation>The message contains at least one of these words (case and accents do not count).</translation>
    </message>
    <message>
      <source>&amp;Alle woorden</source>
      <translation>&amp;All the words</translation>
    </message>
    <message>
      <source>Alle woorden</source>
      <translation>All the words</translation>
    </message>
    <message>
      <source>Het bericht bevat al deze woorden.</source>
      <translation>The message contains all of these words.</translation>
    </message>
    <message>
      <source>&amp;Geen van de woorden</source>
      <translation>&amp;None of the words</translation>
    </message>
    <message>
      <source>Geen van de woorden</source>
      <translation>None of the words</translation>
    </message>
    <message>
      <source>Het bericht bevat geen van deze woorden.</source>
      <translation>The message contains none of these words.</translation>
    </message>
    <message>
      <source>&amp;Zinsdelen</source>
      <translation>P&amp;hrases</translation>
    </message>
    <message>
      <source>Zinsdelen</source>
      <translation>Phrases</translation>
    </message>
    <message>
      <source>Het bericht bevat een van deze woordreeksen.</source>
      <translation>The message contains one of these word sequences.</translation>
    </message>
    <message>
      <source>&amp;Categorie</source>
      <translation>Ca&amp;tegory</translation>
    </message>
    <message>
      <source>Categorie</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>De categorie van Signalen of Open311; * mag.</source>
      <translation>The Signalen or Open311 category; * allowed.</translation>
    </message>
    <message>
      <source>&amp;Taal</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>Taalcodes; nl past ook op nl-be.</source>
      <translation>Language codes; nl also matches nl-be.</translation>
    </message>
    <message>
      <source>Af&amp;zender</source>
      <translation>A&amp;uthor</translation>
    </message>
    <message>
      <source>Handle, e-mailadres, naam of nummer van de afzender; * mag.</source>
      <translation>Handle, e-mail address, name or id of the author; * allowed.</translation>
    </message>
    <message>
      <source>Alleen op de aangevinkte dagen; niets aangevinkt: elke dag.</source>
      <translation>Only on the ticked days; nothing ticked: every day.</translation>
    </message>
    <message>
      <source>De regel is in orde.</source>
      <translation>The rule is fine.</translation>
    </message>
    <message>
      <source>{matched} van de {scanned} laatste berichten zou deze regel vangen.</source>
      <translation>This rule would catch {matched} of the last {scanned} messages.</translation>
    </message>
    <message>
      <source>Alleen een beheerder kan regels wijzigen; u kunt ze bekijken.</source>
      <translation>Only an admin can change rules; you can look at them.</translation>
    </message>
    <message>
      <source>Regel '{name}' is bewaard.</source>
      <translation>Rule '{name}' was saved.</translation>
    </message>
    <message>
      <source>Regel '{name}' is toegevoegd.</source>
      <translation>Rule '{name}' was added.</translation>
    </message>
    <message>
      <source>prioriteit {value}</source>
      <translation>priority {value}</translation>
    </message>
    <message>
      <source>labels {tags}</source>
      <translation>tags {tags}</translation>
    </message>
    <message>
      <source>Werkt niet: {reason}</source>
      <translation>Does not work: {reason}</translation>
    </message>
    <message>
      <source>Regel bewerken: {name}</source>
      <translation>Edit rule: {name}</translation>
    </message>
    <message>
      <source>Labels die de zaak krijgt ({comma}).</source>
      <translation>Tags the case gets ({comma}).</translation>
    </message>
    <message>
      <source>Voorbeeld over de laatste {n} berichten…</source>
      <translation>Preview over the last {n} messages…</translation>
    </message>
    <message>
      <source>Regel '{name}' verwijderen? Zaken die ze al routeerde blijven waar ze zijn.</source>
      <translation>Remove rule '{name}'? Cases it already routed stay where they are.</translation>
    </message>
    <message>
      <source>afdeling {name}</source>
      <translation>department {name}</translation>
    </message>
    <message>
      <source>Platform {name}</source>
      <translation>Platform {name}</translation>
    </message>
    <message>
      <source>Weekdag {day}</source>
      <translation>Weekday {day}</translation>
    </message>
    <message>
      <source>(niet wijzigen)</source>
      <translation>(do not change)</translation>
    </message>
    <message>
      <source>Eigen wachtrij van de redactie</source>
      <translation>The newsroom's own queue</translation>
    </message>
    <message>
      <source>(zoals de afdeling)</source>
      <translation>(as the department)</translation>
    </message>
    <message>
      <source>Het voorbeeld lukte niet.</source>
      <translation>The preview did not work.</translation>
    </message>
    <message>
      <source>Bij {n} berichten ging de regel fout, bijvoorbeeld: {reason}</source>
      <translation>The rule failed on {n} messages, for example: {reason}</translation>
    </message>
    <message>
      <source>veelhoek van {n} punten</source>
      <translation>polygon of {n} points</translation>
    </message>
    <message>
      <source>{radius} m rond {lat}, {lon}</source>
      <translation>{radius} m around {lat}, {lon}</translation>
    </message>
    <message>
      <source>Regel '{name}' staat nu op plaats {position}.</source>
      <translation>Rule '{name}' is now in place {position}.</translation>
    </message>
    <message>
      <source>{department}: toewijzing {policy}.</source>
      <translation>{department}: assignment {policy}.</translation>
    </message>
    <message>
      <source>Regel '{name}' is verwijderd.</source>
      <translation>Rule '{name}' was removed.</translation>
    </message>
    <message>
      <source>Dreigt te laat</source>
      <translation>At risk</translation>
    </message>
    <message>
      <source>Toon open zaken waarvan een termijn voor 75% of meer op is.</source>
      <translation>Show open cases with a response target 75% or more used up.</translation>
    </message>
    <message>
      <source>Draag de zaak met een notitie over aan een afdeling; de burger krijgt een tussenbericht.</source>
      <translation>Hand the case off to a department with a note; the citizen gets a holding reply.</translation>
    </message>
    <message>
      <source>Stuur een overgedragen zaak terug, met de reden.</source>
      <translation>Send a handed-off case back, with the reason.</translation>
    </message>
    <message>
      <source>Sjabloon invoegen</source>
      <translation>Insert template</translation>
    </message>
    <message>
      <source>Kies een standaardantwoord en zet het in het antwoord.</source>
      <translation>Choose a standard answer and put it in the reply.</translation>
    </message>
    <message>
      <source>Crisisbericht invoegen</source>
      <translation>Insert crisis statement</translation>
    </message>
    <message>
      <source>Zet het vastgezette tussenbericht van de crisis in het antwoord.</source>
      <translation>Put the crisis's pinned holding statement in the reply.</translation>
    </message>
    <message>
      <source>Incidenten…</source>
      <translation>Incidents…</translation>
    </message>
    <message>
      <source>Voorgestelde en aanvaarde incidenten: één antwoord aan alle melders.</source>
      <translation>Proposed and accepted incidents: one answer to every reporter.</translation>
    </message>
    <message>
      <source>Routeringsregels…</source>
      <translation>Routing rules…</translation>
    </message>
    <message>
      <source>Regels die nieuwe berichten naar de juiste afdeling sturen, met een voorbeeld vooraf.</source>
      <translation>Rules that send new messages to the right department, with a preview first.</translation>
    </message>
    <message>
      <source>Sjablonen…</source>
      <translation>Templates…</translation>
    </message>
    <message>
      <source>Standaardantwoorden en de automatische ontvangstbevestiging.</source>
      <translation>Standard answers and the automatic acknowledgement.</translation>
    </message>
    <message>
      <source>Crisismodus…</source>
      <translation>Crisis mode…</translation>
    </message>
    <message>
      <source>Zet de crisismodus aan of uit: termijnen voor het crisisonderwerp lopen dag en nacht.</source>
      <translation>Switch crisis mode on or off: targets for the crisis topic run day and night.</translation>
    </message>
    <message>
      <source>Antwoord</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>Ontvangstbevestiging</source>
      <translation>Acknowledgement</translation>
    </message>
    <message>
      <source>Tussenbericht</source>
      <translation>Holding answer</translation>
    </message>
    <message>
      <source>Crisisbericht</source>
      <translation>Crisis statement</translation>
    </message>
    <message>
      <source>Nederlands</source>
      <translation>Dutch</translation>
    </message>
    <message>
      <source>Engels</source>
      <translation>English</translation>
    </message>
    <message>
      <source>alle platforms</source>
      <translation>all platforms</translation>
    </message>
    <message>
      <source>tekens zoals Bluesky telt</source>
      <translation>characters as Bluesky counts them</translation>
    </message>
    <message>
      <source>tekens</source>
      <translation>characters</translation>
    </message>
    <message>
      <source>Typ om te zoeken; pijltjes kiezen; Enter zet de tekst in het antwoord. Escape annuleert.</source>
      <translation>Type to search; arrows choose; Enter puts the text into the reply. Escape cancels.</translation>
    </message>
    <message>
      <source>Sjabloon zoeken</source>
      <translation>Find a template</translation>
    </message>
    <message>
      <source>Zoekt in de naam en de tekst van de sjablonen.</source>
      <translation>Searches the names and texts of the templates.</translation>
    </message>
    <message>
      <source>Sjablonen</source>
      <translation>Templates</translation>
    </message>
    <message>
      <source>De sjablonen die bij de zoektekst passen: naam, soort, platform en taal.</source>
      <translation>The templates that match the search: name, kind, platform and language.</translation>
    </message>
    <message>
      <source>Voorbeeld voor deze zaak</source>
      <translation>Preview for this case</translation>
    </message>
    <message>
      <source>De tekst van het gekozen sjabloon, ingevuld voor deze zaak. Alleen lezen.</source>
      <translation>The chosen template's text, filled in for this case. Read only.</translation>
    </message>
    <message>
      <source>Lengte</source>
      <translation>Length</translation>
    </message>
    <message>
      <source>Invoegen</source>
      <translation>Insert</translation>
    </message>
    <message>
      <source>Zet de ingevulde tekst in het antwoord (Enter).</source>
      <translation>Puts the filled-in text into the reply (Enter).</translation>
    </message>
    <message>
      <source>Sluit zonder iets in te voegen (Escape).</source>
      <translation>Closes without inserting anything (Escape).</translation>
    </message>
    <message>
      <source>Sjablonen worden gelezen…</source>
      <translation>Reading the templates…</translation>
    </message>
    <message>
      <source>Sjabloon invoegen in zaak {id}</source>
      <translation>Insert a template into case {id}</translation>
    </message>
    <message>
      <source>Geen tips: de tekst leest makkelijk.</source>
      <translation>No tips: the text reads easily.</translation>
    </message>
    <message>
      <source>{n} tekens (geen limiet op dit kanaal)</source>
      <translation>{n} characters (no limit on this channel)</translation>
    </message>
    <message>
      <source>{n} te veel: inkorten voor dit kanaal</source>
      <translation>{n} too many: shorten it for this channel</translation>
    </message>
    <message>
      <source>Geen sjabloon past bij deze zoektekst.</source>
      <translation>No template matches this search.</translation>
    </message>
    <message>
      <source>Er zijn nog geen sjablonen. Teamleiders maken ze via Sjablonen… (Ctrl+Shift+L).</source>
      <translation>There are no templates yet. Supervisors make them in Templates… (Ctrl+Shift+L).</translation>
    </message>
    <message>
      <source>Dit sjabloon past hier niet: {reason}</source>
      <translation>This template does not fit here: {reason}</translation>
    </message>
    <message>
      <source>standaard</source>
      <translation>default</translation>
    </message>
    <message>
      <source>Standaardantwoorden met variabelen, en per kanaal de automatische ontvangstbevestiging.</source>
      <translation>Canned answers with variables, and each channel's automatic acknowledgement.</translation>
    </message>
    <message>
      <source>Zoekt in de naam en de tekst; pijltjes kiezen in de lijst.</source>
      <translation>Searches names and texts; arrows choose in the list.</translation>
    </message>
    <message>
      <source>Naam, soort, platform en taal van elk sjabloon; kies er een om het te wijzigen.</source>
      <translation>Name, kind, platform and language of each template; choose one to change it.</translation>
    </message>
    <message>
      <source>&amp;Nieuw sjabloon</source>
      <translation>&amp;New template</translation>
    </message>
    <message>
      <source>Nieuw sjabloon</source>
      <translation>New template</translation>
    </message>
    <message>
      <source>Maakt het formulier leeg voor een nieuw sjabloon.</source>
      <translation>Empties the form for a new template.</translation>
    </message>
    <message>
      <source>Een unieke naam, waarmee u het sjabloon terugvindt.</source>
      <translation>A unique name to find the template by.</translation>
    </message>
    <message>
      <source>N&amp;aam</source>
      <translation>N&amp;ame</translation>
    </message>
    <message>
      <source>Soort</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Antwoord: kiest u bij een zaak. Ontvangstbevestiging en tussenbericht gaan automatisch uit. Crisisbericht: voor de crisismodus.</source>
      <translation>Answer: chosen in a case. Acknowledgement and holding answer go out automatically. Crisis statement: for crisis mode.</translation>
    </message>
    <message>
      <source>&amp;Soort</source>
      <translation>&amp;Kind</translation>
    </message>
    <message>
      <source>Alle platforms</source>
      <translation>All platforms</translation>
    </message>
    <message>
      <source>Voor welk platform dit sjabloon is; een sjabloon voor één platform gaat voor.</source>
      <translation>Which platform this template is for; a template for one platform comes first.</translation>
    </message>
    <message>
      <source>De taal van de tekst; datums worden in die taal geschreven.</source>
      <translation>The language of the text; dates are written in it.</translation>
    </message>
    <message>
      <source>Te&amp;kst (variabelen: {naam}, {zaaknummer}, {verwachte_datum}, {afdeling})</source>
      <translation>Te&amp;xt (variables: {naam}, {zaaknummer}, {verwachte_datum}, {afdeling})</translation>
    </message>
    <message>
      <source>Tekst van het sjabloon</source>
      <translation>Template text</translation>
    </message>
    <message>
      <source>Gewone tekst met variabelen tussen accolades; twee accolades voor een accolade in de tekst.</source>
      <translation>Plain text with variables in braces; two braces for a brace in the text.</translation>
    </message>
    <message>
      <source>Controle van de tekst</source>
      <translation>Check of the text</translation>
    </message>
    <message>
      <source>Voorbeeld met voorbeeldwaarden</source>
      <translation>Preview with example values</translation>
    </message>
    <message>
      <source>Voorbeeld</source>
      <translation>Preview</translation>
    </message>
    <message>
      <source>De tekst ingevuld met voorbeeldwaarden (Bea Burger, zaak 123456). Alleen lezen.</source>
      <translation>The text filled in with example values (Bea Burger, case 123456). Read only.</translation>
    </message>
    <message>
      <source>Verwijdert het gekozen sjabloon (vraagt eerst). Verstuurde antwoorden blijven zoals ze zijn.</source>
      <translation>Removes the chosen template (asks first). Answers already sent stay as they are.</translation>
    </message>
    <message>
      <source>&amp;Bewaren</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Bewaart het sjabloon (Ctrl+Enter in de tekst).</source>
      <translation>Saves the template (Ctrl+Enter in the text).</translation>
    </message>
    <message>
      <source>Automatische ontvangstbevestiging per kanaal</source>
      <translation>Automatic acknowledgement per channel</translation>
    </message>
    <message>
      <source>Aan: elke nieuwe zaak krijgt een bevestiging met het zaaknummer. Standaard: aan voor e-mail, uit voor de rest.</source>
      <translation>On: every new case gets an acknowledgement with its case number. Default: on for e-mail, off for the rest.</translation>
    </message>
    <message>
      <source>Resultaat</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Sluit dit venster (Escape).</source>
      <translation>Closes this window (Escape).</translation>
    </message>
    <message>
      <source>Sjabloon verwijderen</source>
      <translation>Remove template</translation>
    </message>
    <message>
      <source>Niet verwijderen</source>
      <translation>Do not remove</translation>
    </message>
    <message>
      <source>U kunt de sjablonen bekijken; teamleiders en beheerders kunnen ze wijzigen.</source>
      <translation>You can look at the templates; supervisors and admins can change them.</translation>
    </message>
    <message>
      <source>Alleen bekijken</source>
      <translation>View only</translation>
    </message>
    <message>
      <source>Schrijf de tekst van het sjabloon.</source>
      <translation>Write the template's text.</translation>
    </message>
    <message>
      <source>In orde. Geen variabelen.</source>
      <translation>Fine. No variables.</translation>
    </message>
    <message>
      <source>Geef het sjabloon een naam.</source>
      <translation>Give the template a name.</translation>
    </message>
    <message>
      <source>Aan, uit, of standaard: aan voor e-mail, uit voor de andere platforms.</source>
      <translation>On, off, or default: on for e-mail, off for the other platforms.</translation>
    </message>
    <message>
      <source>Sjabloon “{name}” verwijderen? Verstuurde antwoorden blijven zoals ze zijn.</source>
      <translation>Remove template “{name}”? Answers already sent stay as they are.</translation>
    </message>
    <message>
      <source>Sjabloon “{name}” verwijderd.</source>
      <translation>Template “{name}” removed.</translation>
    </message>
    <message>
      <source>Er zijn nog geen verbonden kanalen.</source>
      <translation>There are no connected channels yet.</translation>
    </message>
    <message>
      <source>In orde. Variabelen: {names}.</source>
      <translation>Fine. Variables: {names}.</translation>
    </message>
    <message>
      <source>De tekst is nog niet in orde: {problem}</source>
      <translation>The text is not right yet: {problem}</translation>
    </message>
    <message>
      <source>Sjabloon “{name}” bewaard.</source>
      <translation>Template “{name}” saved.</translation>
    </message>
    <message>
      <source>Ontvangstbevestiging voor {channel}</source>
      <translation>Acknowledgement for {channel}</translation>
    </message>
    <message>
      <source>Ontvangstbevestiging voor {channel}: {state}.</source>
      <translation>Acknowledgement for {channel}: {state}.</translation>
    </message>
    <message>
      <source>Niet goed: {problem}</source>
      <translation>Not right: {problem}</translation>
    </message>
    <message>
      <source>standaard ({state})</source>
      <translation>default ({state})</translation>
    </message>
    <message>
      <source>Schrijf een notitie die zegt waarom ({what}); zonder kan het niet.</source>
      <translation>Write a note that says why ({what}); it cannot be done without one.</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een zaak over te dragen (--as GEBRUIKER).</source>
      <translation>Say who you are to hand a case off (--as USER).</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag geen zaken overdragen; dat doet het klantcontactcentrum.</source>
      <translation>{actor} ({role}) may not hand cases off; the contact centre does.</translation>
    </message>
    <message>
      <source>Zaak {case_id} is {status}; open haar weer voordat u haar overdraagt.</source>
      <translation>Case {case_id} is {status}; reopen it before handing it off.</translation>
    </message>
    <message>
      <source>Zaak {case_id} is al bij {department}.</source>
      <translation>Case {case_id} is already with {department}.</translation>
    </message>
    <message>
      <source>Zeg wie u bent om een zaak terug te sturen (--as GEBRUIKER).</source>
      <translation>Say who you are to send a case back (--as USER).</translation>
    </message>
    <message>
      <source>Zaak {case_id} is niet overgedragen, dus terugsturen kan niet.</source>
      <translation>Case {case_id} was not handed off, so it cannot be sent back.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag geen zaken terugsturen; dat doet de afdeling.</source>
      <translation>{actor} ({role}) may not send cases back; the department does.</translation>
    </message>
    <message>
      <source>Een crisis heeft een naam van 1 tot 200 tekens nodig.</source>
      <translation>A crisis needs a name of 1 to 200 characters.</translation>
    </message>
    <message>
      <source>De crisismodus staat niet aan.</source>
      <translation>Crisis mode is not on.</translation>
    </message>
    <message>
      <source>Het vastgezette bericht moet tekst zijn.</source>
      <translation>The holding statement must be text.</translation>
    </message>
    <message>
      <source>Het bestand met termijnen is niet bruikbaar: {reason}</source>
      <translation>The targets file is not usable: {reason}</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag de termijnen niet wijzigen; dat doet een beheerder.</source>
      <translation>{actor} ({role}) may not change response targets; an admin does.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag de crisismodus niet aan- of uitzetten; dat doet een teamleider.</source>
      <translation>{actor} ({role}) may not switch crisis mode; a supervisor does.</translation>
    </message>
    <message>
      <source>Incidentvoorstellen zijn lijsten van berichtnummers.</source>
      <translation>Incident proposals must be lists of message numbers.</translation>
    </message>
    <message>
      <source>Zeg wie u bent om over een incident te beslissen (--as GEBRUIKER).</source>
      <translation>Say who you are to decide on an incident (--as USER).</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag niet over incidenten beslissen; operators, supervisors en beheerders wel.</source>
      <translation>{actor} ({role}) may not decide on incidents; operators, supervisors and admins may.</translation>
    </message>
    <message>
      <source>Een incidentnummer is een geheel getal, niet {value!r}.</source>
      <translation>An incident number must be a whole number, not {value!r}.</translation>
    </message>
    <message>
      <source>Er is geen incident {id}.</source>
      <translation>There is no incident {id}.</translation>
    </message>
    <message>
      <source>Incident {id} is al geaccepteerd.</source>
      <translation>Incident {id} was already accepted.</translation>
    </message>
    <message>
      <source>Incident {id} is al afgewezen.</source>
      <translation>Incident {id} was already declined.</translation>
    </message>
    <message>
      <source>Incident {id} is geaccepteerd; het kan niet meer worden afgewezen.</source>
      <translation>Incident {id} was accepted; it can no longer be declined.</translation>
    </message>
    <message>
      <source>Zaak {case_id} hoort al bij incident {id}.</source>
      <translation>Case {case_id} is already in incident {id}.</translation>
    </message>
    <message>
      <source>Zaak {case_id} hoort niet bij incident {id}.</source>
      <translation>Case {case_id} is not in incident {id}.</translation>
    </message>
    <message>
      <source>Incident {id} is afgewezen; accepteer het voordat u de melders antwoordt.</source>
      <translation>Incident {id} was declined; accept it before answering its reporters.</translation>
    </message>
    <message>
      <source>Incident {id} is pas voorgesteld; accepteer het voordat u de melders antwoordt.</source>
      <translation>Incident {id} is only proposed; accept it before answering its reporters.</translation>
    </message>
    <message>
      <source>Dit antwoord is te lang voor {platform}: het heeft {length} tekens en {platform} neemt er hoogstens {limit}; {count} melders schreven daar.</source>
      <translation>This answer is too long for {platform}: it has {length} characters and {platform} takes at most {limit}; {count} reporters wrote there.</translation>
    </message>
    <message>
      <source>Dit antwoord is te lang voor Bluesky: het heeft {length} tekens (grafemen) en Bluesky neemt er hoogstens {limit}; {count} melders schreven daar.</source>
      <translation>This answer is too long for Bluesky: it has {length} characters (graphemes) and Bluesky takes at most {limit}; {count} reporters wrote there.</translation>
    </message>
    <message>
      <source>Een incident is voorgesteld, geaccepteerd of afgewezen, niet {value!r}.</source>
      <translation>An incident is proposed, accepted or declined, not {value!r}.</translation>
    </message>
    <message>
      <source>Geef een limiet van 1 of meer, niet {value!r}.</source>
      <translation>Give a limit of 1 or more, not {value!r}.</translation>
    </message>
    <message>
      <source>Een regel is een object met 'when' (voorwaarden) en 'then' (acties).</source>
      <translation>A rule is an object with 'when' (conditions) and 'then' (actions).</translation>
    </message>
    <message>
      <source>Een regel heeft minstens één actie onder 'then' nodig ({choices}).</source>
      <translation>A rule needs at least one action under 'then' ({choices}).</translation>
    </message>
    <message>
      <source>Onbekende voorwaarde {name!r}; kies uit {choices}.</source>
      <translation>Unknown condition {name!r}; use one of {choices}.</translation>
    </message>
    <message>
      <source>Onbekende actie {name!r}; kies uit {choices}.</source>
      <translation>Unknown action {name!r}; use one of {choices}.</translation>
    </message>
    <message>
      <source>De voorwaarde {name!r} heeft een tekst of een lijst van 1 tot {limit} teksten nodig.</source>
      <translation>The condition {name!r} needs a text or a list of 1 to {limit} texts.</translation>
    </message>
    <message>
      <source>{value!r} is geen platform; kies uit {choices}.</source>
      <translation>{value!r} is not a platform; use one of {choices}.</translation>
    </message>
    <message>
      <source>{value!r} bevat geen letters of cijfers om op te zoeken.</source>
      <translation>{value!r} has no letters or digits to match.</translation>
    </message>
    <message>
      <source>{value!r} is meer dan één woord; zet het onder 'phrases'.</source>
      <translation>{value!r} is more than one word; put it under 'phrases'.</translation>
    </message>
    <message>
      <source>Een reguliere expressie is een tekst van 1 tot {limit} tekens.</source>
      <translation>A regular expression is a text of 1 to {limit} characters.</translation>
    </message>
    <message>
      <source>De reguliere expressie {pattern!r} is niet geldig: {reason}.</source>
      <translation>The regular expression {pattern!r} is not valid: {reason}.</translation>
    </message>
    <message>
      <source>De reguliere expressie {pattern!r} kan bij sommige berichten te lang duren: gebruik hoogstens één onbegrensde herhaling (* of +), begrens de andere (bijv. {{1,30}}), geen terugverwijzingen; of gebruik woorden en zinsdelen.</source>
      <translation>The regular expression {pattern!r} could take too long on some messages: use at most one unbounded repeat (* or +), bound the others (e.g. {{1,30}}), no back-references; or use words and phrases.</translation>
    </message>
    <message>
      <source>Een gebied heeft lat, lon en radius_m nodig (een cirkel, straal tot {limit} m) of 'polygon': een lijst van 3 tot {points} punten [lat, lon].</source>
      <translation>The area needs lat, lon and radius_m (a circle, radius up to {limit} m) or 'polygon': a list of 3 to {points} [lat, lon] points.</translation>
    </message>
    <message>
      <source>De tijdvoorwaarde kent 'weekdays' (mon..sun) en/of 'from' en 'to' (UU:MM, Nederlandse tijd).</source>
      <translation>The time condition takes 'weekdays' (mon..sun) and/or 'from' and 'to' (HH:MM, Dutch time).</translation>
    </message>
    <message>
      <source>{value!r} is geen weekdag; gebruik mon, tue, wed, thu, fri, sat of sun.</source>
      <translation>{value!r} is not a weekday; use mon, tue, wed, thu, fri, sat or sun.</translation>
    </message>
    <message>
      <source>{value!r} is geen tijdstip; schrijf UU:MM, bijvoorbeeld 08:30.</source>
      <translation>{value!r} is not a time of day; write HH:MM, e.g. 08:30.</translation>
    </message>
    <message>
      <source>'from' en 'to' moeten verschillen; laat beide weg voor de hele dag.</source>
      <translation>'from' and 'to' must differ; leave both out for the whole day.</translation>
    </message>
    <message>
      <source>'department' is de naam van een afdeling, of null voor de eigen wachtrij van de redactie.</source>
      <translation>'department' is a department's name, or null for the newsroom's own queue.</translation>
    </message>
    <message>
      <source>{value!r} is geen prioriteit; gebruik low, normal, high of urgent.</source>
      <translation>{value!r} is not a priority; use low, normal, high or urgent.</translation>
    </message>
    <message>
      <source>'tags' is een lijst van hoogstens 50 labels.</source>
      <translation>'tags' is a list of at most 50 tags.</translation>
    </message>
    <message>
      <source>{value!r} is geen toewijzingswijze; gebruik manual, round_robin of least_loaded.</source>
      <translation>{value!r} is not an assignment policy; use manual, round_robin or least_loaded.</translation>
    </message>
    <message>
      <source>'stop' is true of false.</source>
      <translation>'stop' is true or false.</translation>
    </message>
    <message>
      <source>De regel is geen geldige JSON: {reason}.</source>
      <translation>The rule is not valid JSON: {reason}.</translation>
    </message>
    <message>
      <source>Een regel kan hoogstens {limit} tekens JSON lang zijn.</source>
      <translation>A rule can be at most {limit} characters of JSON.</translation>
    </message>
    <message>
      <source>Een regel heeft een naam van 1 tot {limit} tekens nodig.</source>
      <translation>A rule needs a name of 1 to {limit} characters.</translation>
    </message>
    <message>
      <source>Een regelnummer is een geheel getal, niet {value!r}.</source>
      <translation>A rule number is a whole number, not {value!r}.</translation>
    </message>
    <message>
      <source>Er is geen routeringsregel {rule_id}. Zie 'newsroom rules list'.</source>
      <translation>There is no routing rule {rule_id}. See 'newsroom rules list'.</translation>
    </message>
    <message>
      <source>Een positie is een geheel getal van 1 of meer, niet {value!r}.</source>
      <translation>A position is a whole number of 1 or more, not {value!r}.</translation>
    </message>
    <message>
      <source>'enabled' is true of false.</source>
      <translation>'enabled' is true or false.</translation>
    </message>
    <message>
      <source>Geef de regel een nieuwe naam of een nieuwe definitie.</source>
      <translation>Give the rule a new name or a new definition.</translation>
    </message>
    <message>
      <source>Alleen een beheerder mag routeringsregels wijzigen; zeg wie u bent met --as.</source>
      <translation>Only an admin may change routing rules; say who you are with --as.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag geen routeringsregels wijzigen.</source>
      <translation>{actor} ({role}) may not change routing rules.</translation>
    </message>
    <message>
      <source>Een voorbeeld bekijkt 1 tot {limit} berichten.</source>
      <translation>A preview looks at 1 to {limit} messages.</translation>
    </message>
    <message>
      <source>Alleen een beheerder mag wijzigen hoe zaken worden toegewezen; zeg wie u bent met --as.</source>
      <translation>Only an admin may change how cases are assigned; say who you are with --as.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag niet wijzigen hoe de zaken van een afdeling worden toegewezen.</source>
      <translation>{actor} ({role}) may not change how a department's cases are assigned.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag alleen zichzelf afwezig of aanwezig melden.</source>
      <translation>{actor} ({role}) may only mark themselves absent or present.</translation>
    </message>
    <message>
      <source>Zeg wat er verandert: afwezig of aanwezig, en/of een capaciteit.</source>
      <translation>Say what changes: absent or present, and/or a capacity.</translation>
    </message>
    <message>
      <source>'absent' is true of false.</source>
      <translation>'absent' is true or false.</translation>
    </message>
    <message>
      <source>Geef een capaciteit of geen capaciteit, niet allebei.</source>
      <translation>Give a capacity or no capacity, not both.</translation>
    </message>
    <message>
      <source>Een capaciteit is een geheel aantal open zaken van 0 tot 100000, niet {value!r}.</source>
      <translation>A capacity is a whole number of open cases from 0 to 100000, not {value!r}.</translation>
    </message>
    <message>
      <source>Een sjabloon heeft tekst nodig.</source>
      <translation>A template needs some text.</translation>
    </message>
    <message>
      <source>Een sjabloon kan hoogstens {limit} tekens lang zijn.</source>
      <translation>A template can be at most {limit} characters.</translation>
    </message>
    <message>
      <source>Sjablonen zijn in het nl of en geschreven, niet in {language!r}.</source>
      <translation>Templates are written in nl or en, not {language!r}.</translation>
    </message>
    <message>
      <source>De sluitaccolade bij teken {position} sluit niets af; schrijf twee accolades voor een accolade in de tekst.</source>
      <translation>The closing brace at character {position} closes nothing; write two braces for a brace in the text.</translation>
    </message>
    <message>
      <source>De accolade bij teken {position} omsluit geen naam van een variabele; schrijf twee accolades voor een accolade in de tekst.</source>
      <translation>The brace at character {position} does not enclose a variable name; write two braces for a brace in the text.</translation>
    </message>
    <message>
      <source>Onbekende variabele {name!r} bij teken {position}; de variabelen zijn {known}.</source>
      <translation>Unknown variable {name!r} at character {position}; the variables are {known}.</translation>
    </message>
    <message>
      <source>Het sjabloon gebruikt de variabele {name!r}, maar daar is hier geen waarde voor.</source>
      <translation>The template uses the variable {name!r}, but there is no value for it here.</translation>
    </message>
    <message>
      <source>{actor} ({role}) mag sjablonen en automatische antwoorden niet beheren.</source>
      <translation>{actor} ({role}) may not manage templates and automatic answers.</translation>
    </message>
    <message>
      <source>Zeg wie u bent om sjablonen en automatische antwoorden te beheren (--as GEBRUIKER).</source>
      <translation>Say who you are to manage templates and automatic answers (--as USER).</translation>
    </message>
    <message>
      <source>Een sjabloon heeft een naam van 1 tot {limit} tekens nodig.</source>
      <translation>A template needs a name of 1 to {limit} characters.</translation>
    </message>
    <message>
      <source>De soort van een sjabloon is een van {kinds}, niet {given!r}.</source>
      <translation>A template's kind is one of {kinds}, not {given!r}.</translation>
    </message>
    <message>
      <source>Er is geen platform {platform!r}; kies uit {platforms}, of geen voor alle platforms.</source>
      <translation>There is no platform {platform!r}; use one of {platforms}, or none for every platform.</translation>
    </message>
    <message>
      <source>Er is geen sjabloon {name!r}. Zie 'newsroom template list'.</source>
      <translation>There is no template {name!r}. See 'newsroom template list'.</translation>
    </message>
    <message>
      <source>Er is al een sjabloon {name!r}.</source>
      <translation>There is already a template {name!r}.</translation>
    </message>
    <message>
      <source>Automatische ontvangstbevestiging staat aan, uit of op standaard, niet op {value!r}.</source>
      <translation>Automatic acknowledgement is on, off or default, not {value!r}.</translation>
    </message>
    <message>
      <source>Er is geen kanaal {name!r}. Zie 'newsroom channel list'.</source>
      <translation>There is no channel {name!r}. See 'newsroom channel list'.</translation>
    </message>
    <message>
      <source>Meer dan één kanaal heet {name!r}; noem het bij zijn nummer ({ids}).</source>
      <translation>More than one channel is called {name!r}; name it by its number ({ids}).</translation>
    </message>
    <message>
      <source>Een automatisch antwoord is een van {kinds}, niet {given!r}.</source>
      <translation>An automatic answer is one of {kinds}, not {given!r}.</translation>
    </message>
    <message>
      <source>Zinnen zijn gemiddeld {average} woorden lang; houd ze op hoogstens {target}.</source>
      <translation>Sentences are {average} words long on average; aim for at most {target}.</translation>
    </message>
    <message>
      <source>Zin {number} heeft {words} woorden; maak er meer zinnen van (hoogstens {limit}).</source>
      <translation>Sentence {number} has {words} words; split it up (at most {limit}).</translation>
    </message>
    <message>
      <source>Lange woorden: {words}. Is er een korter, gewoner woord?</source>
      <translation>Long words: {words}. Is there a shorter, more common word?</translation>
    </message>
    <message>
      <source>Zin {number} is misschien lijdend ({marker}); zeg wie wat doet.</source>
      <translation>Sentence {number} may be passive ({marker}); say who does what.</translation>
    </message>
    <message>
      <source>Eigen wachtrij</source>
      <translation>Newsroom queue</translation>
    </message>
  </context>
</TS>