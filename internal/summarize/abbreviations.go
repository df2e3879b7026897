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

const trTitles = `
dr prof doç av op yrd öğr gör arş uzm sn sayın bkz krş hz st b vek
alb yzb bnb tğm ütğm asb gen org korg tümg tuğg kur
cad sok mah apt blv bul mh sk no san tic
`

const trAbbreviations = `
vb vs bk sf ör yy yay ltd şti
`

const ruTitles = `
г гг ул пр просп пер пл д дд кв им т тт проф акад доц ген гр св см ср стр рис
табл пгт пос с обл р-н с.-пб т.е т.к т.н напр ок оз
`

const ruAbbreviations = `
др тыс млн млрд руб коп долл дол мм км кг ч мин сек кв.м куб.м т.д т.п
и.о у.е н.э в вв
`
