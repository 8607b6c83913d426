package com.aliyun.odps.kafka.connect.tls;

import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.TrustStoreFile;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;

/**
 * The pipeline of the upsert session's Netty channels as the SDK builds it (TLS, HTTP codec, a
 * 64 KB aggregator, decompression), with TLS that trusts {@code ssl_truststore_location} as well
 * as the JVM's CAs: the SDK's own pipeline trusts only the JVM's.
 */
public final class TrustStoreNettyChannels extends ChannelInitializer<Channel> {
  /** What the SDK aggregates an answer into. */
  private static final int MAX_ANSWER_BYTES = 65_536;

  private final SslContext tls;

  private TrustStoreNettyChannels(SslContext tls) {
    this.tls = tls;
  }

  /** @throws UnusableTrustStoreException naming the key to change */
  public static TrustStoreNettyChannels trusting(TrustStoreFile file) {
    try {
      return new TrustStoreNettyChannels(SslContextBuilder.forClient().trustManager(TrustStores.trustManagers(file)).build());
    } catch (SSLException e) {
      throw new UnusableTrustStoreException(MaxComputeSinkConfig.SSL_TRUSTSTORE_LOCATION,
          "no TLS context for the upsert session can be made with " + file + ": " + e.getMessage());
    }
  }

  @Override
  protected void initChannel(Channel channel) {
    channel.pipeline().addLast(tls.newHandler(channel.alloc()))
        .addLast(new HttpClientCodec())
        .addLast(new HttpObjectAggregator(MAX_ANSWER_BYTES))
        .addLast(new HttpContentDecompressor());
  }
}
