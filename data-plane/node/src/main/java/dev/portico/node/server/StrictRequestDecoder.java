package dev.portico.node.server;

import dev.portico.node.pipeline.AmbiguousFramingException;
import dev.portico.node.pipeline.Framing;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.List;

/**
 * Vert.x's request decoder made strict about body framing ({@link Framing}). Netty on its own
 * resolves "Content-Length + chunked" by dropping the Content-Length and reads on. This decoder
 * instead marks such a request invalid, so the pipeline answers 400, and from then on reads
 * nothing more from the connection: whatever follows (its body, a request smuggled behind it)
 * is never parsed, let alone forwarded. Vert.x closes the connection after the 400.
 *
 * <p>Vert.x has no public hook for this, so the decoder is swapped in when a connection opens,
 * before its first byte is decoded. It relies on Vert.x internals (the Netty pipeline's
 * "httpDecoder"); {@code GatewayErrorsIT} fails if an upgrade breaks it.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

    private static final System.Logger LOG = System.getLogger(StrictRequestDecoder.class.getName());
    private static final String NAME = "httpDecoder";

    private boolean refusing;

    private StrictRequestDecoder(HttpServerOptions options) {
        super(options);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        // Thrown while reading headers, Netty marks the message invalid and discards the rest.
        throw new AmbiguousFramingException();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        if (refusing) {
            buffer.skipBytes(buffer.readableBytes());
            return;
        }
        int first = out.size();
        super.decode(ctx, buffer, out);
        for (int i = first; i < out.size(); i++) {
            if (out.get(i) instanceof HttpRequest request && refuses(request)) {
                refusing = true;
                while (out.size() > i + 1) {
                    ReferenceCountUtil.release(out.remove(out.size() - 1));
                }
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
        }
    }

    private static boolean refuses(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return true;
        }
        if (Framing.ambiguous(request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING),
                request.headers().getAll(HttpHeaderNames.CONTENT_LENGTH))) {
            request.setDecoderResult(DecoderResult.failure(new AmbiguousFramingException()));
            return true;
        }
        return false;
    }

    /** Puts the strict decoder in place on a newly opened HTTP/1.x connection. */
    static void install(HttpConnection connection, HttpServerOptions options) {
        if (!(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channel().pipeline();
        ChannelHandler current = pipeline.get(NAME);
        if (current instanceof VertxHttpRequestDecoder && !(current instanceof StrictRequestDecoder)) {
            pipeline.replace(NAME, NAME, new StrictRequestDecoder(options));
        } else if (current == null) {
            LOG.log(System.Logger.Level.WARNING, "no " + NAME + " on a new connection; strict framing check not installed");
        }
    }
}
