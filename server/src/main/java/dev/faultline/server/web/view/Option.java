package dev.faultline.server.web.view;

/** One choice of a {@code <select>}. */
public record Option(String value, String label, boolean selected) {}
