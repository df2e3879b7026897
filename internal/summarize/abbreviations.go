package summarize

// Abbreviation lists, lower-cased and without the final dot. Titles stand
// before names or numbers and never end a sentence; the others may.

const enTitles = `
mr mrs ms messrs mmes dr prof st mt sen rep gov gen lt col capt cmdr maj sgt
cpl adm rev hon pres supt insp atty fr msgr vs v e.g i.e cf viz
u.s n° nº
`

const enAbbreviations = `
etc inc ltd co corp llc plc jr sr bros dept est fig figs no nos vol vols pp ch
sec art approx ca al ed eds rd ave blvd hwy
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
a.m p.m b.c a.d b.c.e c.e u.s.a u.k e.u u.n d.c a.k.a
n.e n.w s.e s.w
ft in lb lbs oz mi mph km kg sq fl pt qt yd gal min hr hrs
`

// enAfterNumber are times and eras written after a number.
const enAfterNumber = `
a.m p.m b.c a.d b.c.e c.e
`

// enPrepositions open a phrase such as "At 5 a.m." that is no sentence alone.
const enPrepositions = `
about above across after against along amid among around at before behind
below beneath beside besides between beyond by circa despite during except
for from in inside into near of off on onto outside over past since through
throughout till to toward towards under underneath until unto upon via
within without
`

// enStarters are capitalised words that open a sentence rather than name
// someone: determiners, pronouns and conjunctions.
const enStarters = `
a an the this that these those there here some any each every all both no
many most much several such what which who whose when where while why how
i you he she it we they my your his her its our their one
and but or so yet then if as because although though however meanwhile
`

// webSuffixes end domain and file names, which keep their dots ("haber.com",
// "rapor.pdf") where a lower-case word after a dot may start a sentence.
const webSuffixList = `
com net org edu gov mil int info biz name pro mobi tr ru uk de fr eu us io co
me tv am html htm php asp aspx jsp pdf doc docx xls xlsx ppt jpg jpeg png gif
svg mp3 mp4 avi exe zip rar txt xml json csv
`

const trTitles = `
dr prof doç av op yrd öğr gör arş uzm sn sayın bkz krş hz st b vek
alb yzb bnb tğm ütğm asb gen org korg tümg tuğg kur
cad sok mah apt blv bul mh sk no san tic ltd müh ecz mim bşk
`

// trAbbreviations include units and the shorthand of typed text ("30 dk.",
// "400 tl."), after which a lower-case word goes on with the sentence.
const trAbbreviations = `
vb vd vs bk sf ör örn yy yay şti age agy ark çev haz böl fak md ens gn tel
dk sa sn tl ytl mm cm km kg gr lt ml
`

const ruTitles = `
г гг ул пр просп пер пл д дд кв им т тт проф акад доц ген гр св см ср стр рис
табл пгт пос с обл р-н с.-пб т.е т.к т.н напр ок оз
`

// ruAfterNumber are the year and century marks written after a number
// ("в 1959 г.", "XX в."), which may end a sentence.
const ruAfterNumber = `
г гг в вв
`

// ruPrepositions open a phrase such as "В 2010 г." that is no sentence alone.
const ruPrepositions = `
в во на с со к ко о об обо от до из у за по при про через для без над под
перед между после около среди вокруг возле против кроме вместо
`

// ruStarters open a sentence rather than name someone.
const ruStarters = `
это этот эта эти тот та те то там тогда потом затем сегодня вчера завтра
теперь сейчас он она оно они мы вы я но и а однако поэтому также кроме
как когда если хотя пока все всё по в на
`

const ruAbbreviations = `
др тыс млн млрд руб коп долл дол мм км кг ч мин сек кв.м куб.м т.д т.п
и.о у.е н.э в вв
`
