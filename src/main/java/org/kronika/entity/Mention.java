package org.kronika.entity;

/**
 * One mention of an entity in an analysed text. Immutable.
 *
 * @param start   offset of the first char in the analysed text
 * @param end     offset after the last char
 * @param surface the text as written
 * @param lemma   the mention in its dictionary form, in the text's script (Марком Рютте → Марк Рютте)
 * @param id      the entity's cross-article, cross-language id
 * @param name    the entity's display name, in Latin script where one is known
 */
public record Mention(int start, int end, String surface, String lemma, EntityType type,
                      String id, String name) {}
