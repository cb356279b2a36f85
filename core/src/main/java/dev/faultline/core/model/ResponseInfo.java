package dev.faultline.core.model;

/** The HTTP response that was about to be sent when the error happened. */
public record ResponseInfo(Integer statusCode) {}
