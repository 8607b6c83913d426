package dev.mcsink.localmc.rest;

/**
 * The Tunnel's routes, implemented in the tunnel package (which sits above this one) and handed to
 * the {@link Router}.
 */
public record TunnelRoutes(UploadRoutes uploads, StreamRoutes streams, DownloadRoutes downloads,
    UpsertRoutes upserts, InstanceDownloadRoutes instanceDownloads) {}
