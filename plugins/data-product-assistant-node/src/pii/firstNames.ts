/**
 * A curated list of common given names across European, American, Latin, Slavic,
 * Nordic, Arabic, South and East Asian naming traditions. Lower-case, ASCII and
 * accented forms as commonly written. Deliberately excludes names that are far
 * more common as ordinary English words (they are in `ambiguousFirstNames`).
 */
const NAMES = `
aaron abdul abdullah abigail abraham adam adele adrian adriana agnes ahmed aisha alan albert alberto alejandro
aleksandr aleksandra alex alexander alexandra alexei alfred ali alice alicia alina alison amanda amelia amir amy
ana anastasia anders andrea andreas andrei andrew andrzej angela angelika anita ann anna anne annika anton antonio
arjun arne arthur astrid audrey axel barbara beatrice beatriz ben benjamin bernard bertram beth bettina betty bianca
birgit bjorn björn boris brandon brenda brian bridget bruno bryan camille carla carlos carmen carol caroline
catherine cecilia charles charlotte chen chiara chloe christian christin christina christine christopher claire
clara claudia colin craig cristina daniel daniela danielle darius david deborah denise dennis diana diego dimitri
dmitry dominik donald donna dorothy douglas duncan edith eduardo edward elena eleanor elias elif elisa elisabeth
elizabeth ella ellen emil emilia emily emma enrique eric erik erika ernst esther ethan eva evelyn fabian fatima
federico felix fernando filip fiona francesca francesco francisco frank franz frederik friedrich gabriel gabriela
gareth gary georg george georgina gerhard giorgio giovanni giulia giuseppe gloria gordon gregory greta gunnar gustav
hannah hans harald harold harry hassan heather heidi heinz helen helena helga henrik henry herbert hiroshi hugo
ian ibrahim igor ines ingrid irene iris isabel isabella isabelle ivan jacob jakob james jan jane janet janka
jasmine jason javier jean jeffrey jennifer jens jeremy jessica joanna joao joão joel johan johann johannes john
jonas jonathan jorge jose josé josef joseph joshua juan judith julia julian juliana julie julien jurgen jürgen
justin kai karen karin karl karla katarina katharina katherine kathleen katja kenji kevin kim klaus kristen kristin
kristina lars laura lauren laurent lea leif lena leo leon leonardo leonie lisa liam lina linda lisbeth lorenzo louis
louise lucas lucia lucy ludwig luis luisa lukas luka magda magdalena magnus malik manuel manuela marco marcus
margaret margarita maria marie marina mario marion marius marta martha martin martina mary mathias matteo matthew
matthias maurice max maximilian megan mehmet melanie melissa melvin mia michael michaela michal michel michelle
miguel mikael mikhail milan milena miriam mohamed mohammad mohammed monica monika muhammad nadia natalia natalie
natasha nathan nathaniel nicholas nicola nicolas niels nikola nikolai nils nina noah nora olaf oleg olga oliver
olivia omar oscar oskar otto pablo paola patricia patrick paul paula pavel pedro per peter petra philip philipp
pierre pietro priya rachel rafael rahul raj ralf ramon raquel rebecca richard rita robert roberto robin roger
roman ronald rosa ruben rudolf rui ryan sabine sahil samantha samuel sandra sara sarah sascha sebastian selin
sergei sergey sergio sharon shirley simon simone siiri sofia sonia sophia sophie stefan stefanie stella stephanie
stephen steven susan susanne sven svetlana tamara tanja tatiana teresa thomas tim timothy tobias tom tomas tomasz
tomomi ulrich ursula valentina valeria vanessa vera veronica victor viktor vincent vladimir walter wei werner
william wojciech wolfgang xavier yasmin yuki yusuf zoe zofia zoltan zsofia
jerome kurt greg doug ken kathy kate katie nick nicole rick ricky steve sue tony tina vicky wendy
abby alexis allison angie ashley ava brittany caleb cameron cody connor courtney dylan erin gavin haley
hailey hunter isaac jack jackson jenna jordan kayla kyle logan mackenzie madison mason morgan olivier
riley sean shannon taylor tyler zachary zach zak scott leverett gijsbrecht rubija vilhjalmur jamie
satsita mstislav homero delvis fausto hyuuma inger virpi alina erich rainer dieter jorg jörg uwe
mette kirsten lise maja marit solveig sigrid bjarne torben jesper rasmus mikkel nikolaj søren soren
pekka jukka mikko matti juha timo heikki aino eero ilkka kalle ville sanna
lukasz łukasz piotr krzysztof marek pawel paweł agnieszka katarzyna malgorzata małgorzata ewa jolanta
jiri jiří petr jana lenka hana tereza vojtech miroslav zdenek sarka šárka
bogdan dragan goran milos miloš nenad snezana dusan
yuto haruto sakura yui hina ren takumi daiki kaito akira haruka naoki kenta shota
wang li zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo
hiro min-jun seo-yeon ji-woo jun jin
aditya ananya arnav deepak divya kavya krishna lakshmi neha pooja rajesh ravi sanjay sunita vikram
abdel amina fatma hamza karim khalid layla leila mariam mustafa nour rania samir tariq youssef zainab
ayse ayşe burak can cem deniz emre fatih hakan kerem murat ozan serkan zeynep
joaquim thiago gustavo rodrigo mateus leticia letícia larissa camila fernanda bruna vinicius
alessandro andrea davide federica gianluca giorgia luca marcello massimo mattia riccardo simona stefano
cettina leone
`;

export const firstNames: ReadonlySet<string> = new Set(
  NAMES.split(/\s+/).filter(Boolean),
);

/** Given names that are also ordinary words; only counted as a name with a surname or a cue. */
export const ambiguousFirstNames: ReadonlySet<string> = new Set(
  `will may mark bill grant rose amber dawn art faith hope joy summer victoria jay june april august
   chase hunter austin sky river rich frank pat don ray gene sandy iris ruby crystal jade penny
   max guy dean mike lee young long king page hall wood price miles case can`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics that precede a name. */
export const honorifics = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lady',
  'lord',
  'herr',
  'frau',
  'fr',
  'hr',
  'monsieur',
  'madame',
  'mme',
  'mlle',
  'señor',
  'señora',
  'sr',
  'sra',
  'signor',
  'signora',
  'rev',
  'fr',
];
