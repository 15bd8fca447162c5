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
  </context>
</TS>