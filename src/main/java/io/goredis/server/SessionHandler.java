package io.goredis.server;

import io.goredis.command.Context;
import io.goredis.protocol.ProtocolException;
import io.goredis.protocol.Reply;
import io.goredis.protocol.ReplyWriter;
import io.goredis.protocol.RequestReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * One connection's loop: read a request, dispatch it, encode the reply. Works on plain streams so
 * tests can drive it with bytes.
 *
 * <p>Replies are buffered and written when the reader is about to wait for more input, so a
 * pipelined batch (every request already received) is answered in order with one write. A protocol
 * error is answered with Redis's text and ends the connection; command errors do not.
 */
final class SessionHandler {

    private final ClientSession session;
    private final Dispatcher dispatcher;
    private final Context ctx;
    private final RequestReader reader;
    private final ReplyWriter writer;

    SessionHandler(ClientSession session, InputStream in, OutputStream out, Dispatcher dispatcher, Context ctx) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.ctx = ctx;
        this.writer = new ReplyWriter(out);
        // before blocking on the socket, send what the batch so far produced
        this.reader = new RequestReader(new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                writer.flush();
                return super.read(b, off, len);
            }
        });
    }

    /** Serves requests until the client disconnects, sends QUIT, or breaks the protocol. */
    void run() throws IOException {
        try {
            while (true) {
                List<byte[]> argv;
                try {
                    argv = reader.read(session.authenticated());
                } catch (ProtocolException e) {
                    writer.write(Reply.error("ERR Protocol error: " + e.getMessage()), session.protocol());
                    return;
                }
                if (argv == null) {
                    return;
                }
                session.beginReply();
                Reply reply = dispatcher.dispatch(argv, session, ctx);
                if (session.sendsReply()) {
                    writer.write(reply, session.protocol());
                }
                if (session.closing()) {
                    return;
                }
            }
        } finally {
            writer.flush();
        }
    }
}
