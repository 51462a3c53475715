package dev.portico.cp.console;

/** The console will not do what was asked (a forged form, a viewer writing): answered with an error page. */
class ConsoleRefusal extends RuntimeException {

    private final int status;

    ConsoleRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
