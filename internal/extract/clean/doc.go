// Package clean removes boilerplate from an article's plain text and finds
// the outlet it was first published by.
//
// Aggregators republish other outlets' stories, in English, Turkish, Russian
// and Armenian, and leave their own noise around them: the title again, a
// byline, date lines, language markers, photo captions, share prompts and
// footers naming the source. Clean drops whole paragraphs of such noise and
// strips a few kinds of noise glued in front of a story paragraph, but never
// rewords what it keeps: every paragraph it returns is the end part of an
// input paragraph.
//
// The patterns are data: one YAML file per language in rules/ (format in
// ruleset.go), compiled once. Every rule applies to every text, whatever
// language the caller names, because aggregators mix languages.
//
// Decisions worth knowing:
//
//   - Matching is insensitive to the Turkish dotted and dotless i in every
//     language (ı, i, I and İ are one letter), and a pattern letter with a
//     diacritic also matches the bare letter ("paylaş" matches "Paylas"), so
//     the language hint cannot break matching when it is wrong or missing.
//     Turkish folding needs nothing more, so the hint changes no result.
//   - A dateline opening the lede ("ANKARA (AA) - ...", "(Reuters) -") names
//     the origin but stays in the text: the place is news, and the lede is
//     never reworded.
//   - The origin comes from the strongest statement found: an explicit source
//     line ("Source: X", "Kaynak: X") beats a byline ("By Reuters Staff"),
//     which beats a dateline. Among equals the first wins.
package clean
