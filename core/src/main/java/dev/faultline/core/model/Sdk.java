package dev.faultline.core.model;

/** The client library that sent a report. */
public record Sdk(String name, String version, String url) {}
