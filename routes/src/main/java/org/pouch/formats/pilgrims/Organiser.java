package org.pouch.formats.pilgrims;

/**
 * The licensed tour operator responsible for the group.
 *
 * @param licence the licence number the home ministry issued
 */
public record Organiser(String name, String licence) {}
