package texttest

import "slices"

// EnglishWords are English function words that none of Spanish, French
// and Portuguese writes as a word of its own ("a", "on", "or", "an" and
// "per" are words there, so they are not in the list; "for" is
// Portuguese too, see OwnWords). One of them in a text shown in those
// languages is English left behind.
var EnglishWords = []string{"the", "and", "of", "with", "for", "to", "by", "from", "which", "this", "these",
	"will", "shall", "should", "must", "would", "is", "are", "was", "were", "be", "been", "has", "have",
	"that", "its", "their", "into", "than", "at", "not", "within", "each", "every"}

// OwnWords are words of such lists that a language writes too:
// Portuguese "for" (se ela não for criada).
var OwnWords = map[string][]string{"pt": {"for"}}

// IsEnglish reports whether lw, a word in lower case, is one of words
// that lang does not write too.
func IsEnglish(lang, lw string, words []string) bool {
	return slices.Contains(words, lw) && !slices.Contains(OwnWords[lang], lw)
}
