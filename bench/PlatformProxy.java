import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * Portico's platform without Portico: a bare vertx-http-proxy reverse proxy to one backend, with the
 * node's transport settings (native transport preferred, one server and one client pool per event
 * loop, TCP_NODELAY, keep-alive), and nothing else: no routing, no checks, no access log, no metrics.
 * The bench measures it beside the node so that the report shows what Portico costs over the
 * platform it is built on.
 *
 * Run from the repository root, with the node's jar and the vertx-http-proxy jar:
 *   java -cp data-plane/node/target/portico-node-all.jar:vertx-http-proxy.jar bench/PlatformProxy.java PORT BACKEND_PORT
 * Prints "PlatformProxy listening on 127.0.0.1:PORT (native transport true|false)" on stdout once it listens.
 */
public class PlatformProxy {

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp portico-node-all.jar:vertx-http-proxy.jar bench/PlatformProxy.java PORT BACKEND_PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int backendPort = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        int loops = Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(
                        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                        new PoolOptions().setHttp1MaxSize(Math.max(1, 256 / loops))));
                proxy.origin(backendPort, "127.0.0.1");
                return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
                        .requestHandler(proxy).listen();
            }
        }, new DeploymentOptions().setInstances(loops)).onComplete(done -> {
            if (done.failed()) {
                done.cause().printStackTrace();
                System.exit(1);
            }
            System.out.println("PlatformProxy listening on 127.0.0.1:" + port + " (native transport "
                    + vertx.isNativeTransportEnabled() + ")");
        });
    }
}
