package dev.mcsink.localmc.auth;

/** An STS answer for the HTTP layer to send as is. */
public record StsResponse(int status, String contentType, String body) {}
