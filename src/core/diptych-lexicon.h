/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Word knowledge beyond stems: an alias table (Kiev/Kyiv, ME/Middle
 * East, truce/ceasefire, ...) and WordNet synonyms and derivationally
 * related forms, read from the WordNet database files on demand (the
 * index files are searched in place, never loaded whole). Immutable
 * once made: safe to use from several threads. */
typedef struct _DiptychLexicon DiptychLexicon;

/* A WordNet concept: part of speech in bits 28-29, synset offset below;
 * or, with the top bit set, a word form (for relations between words).
 * DIPTYCH_CONCEPT_LOOSE marks a synset reached through a related word
 * rather than a sense of the word itself. */
typedef guint32 DiptychConcept;

#define DIPTYCH_CONCEPT_LOOSE 0x40000000u

#define DIPTYCH_LEXICON_MAX_ALIAS_WORDS 4

DiptychLexicon *diptych_lexicon_new             (const char     *wordnet_dir);
void            diptych_lexicon_free            (DiptychLexicon *self);
/* The process-wide lexicon for $DIPTYCH_WORDNET_DIR, or WORDNET_DIR
 * from the build; made once per folder and never freed. */
DiptychLexicon *diptych_lexicon_get_default     (void);
gboolean        diptych_lexicon_has_wordnet     (DiptychLexicon *self);
const char     *diptych_lexicon_get_wordnet_dir (DiptychLexicon *self);
/* The canonical form of an alias phrase: normalized words joined by
 * single spaces ("kiev" -> "kyiv", "middle east" -> "middle east").
 * Some aliases only count written as acronyms ("US", not "us").
 * Canonical forms are interned strings. */
const char     *diptych_lexicon_lookup_alias    (DiptychLexicon *self,
                                                 const char     *phrase,
                                                 gboolean        acronym);
/* Appends to concepts (an array of DiptychConcept) the synsets of the
 * first senses of word in every part of speech (after WordNet's
 * morphology), and those of its derivationally related forms and
 * pertainyms. Appends nothing without WordNet data. */
void            diptych_lexicon_get_concepts    (DiptychLexicon *self,
                                                 const char     *word,
                                                 GArray         *concepts);

/* How often the word (its base form) occurs in WordNet's sense-tagged
 * corpus: a measure of how common it is in general English. 0 for rare
 * words, names and without WordNet data. */
guint           diptych_lexicon_get_frequency   (DiptychLexicon *self,
                                                 const char     *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychLexicon, diptych_lexicon_free)

G_END_DECLS
