package id.kanal.channels.smpp;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** Hands jSMPP a socket already bound to loopback (its own factory listens on every interface), without Nagle's delay. */
record LoopbackServerConnections(ServerSocket socket) implements ServerConnectionFactory {
    @Override
    public ServerConnection listen(int port) {
        return new ServerConnection() {
            @Override
            public Connection accept() throws IOException {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                return new SocketConnection(s);
            }

            @Override
            public void setSoTimeout(int timeout) throws IOException {
                socket.setSoTimeout(timeout);
            }

            @Override
            public int getSoTimeout() throws IOException {
                return socket.getSoTimeout();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        socket.setSoTimeout(timeout);
        return listen(port);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        return listen(port, timeout);
    }
}
