/**
 * Entities: the people, organisations and places an article names, with one id across
 * languages and spellings, from what ships, what {@code kronika learn} learned and what the
 * stream of articles taught. Public: {@code EntityStage} (with its {@code Result}, {@code
 * Snapshot} and {@code Learned}), {@code KnownEntities}, {@code Mention}, {@code EntityType};
 * recognition, linking, the gazetteers and the learners are internal.
 */
package org.kronika.entity;
