package dev.portico.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run}) driven by Playwright,
 * headless. Playwright never downloads a browser here. Screenshots go to
 * {@code e2e/target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = PorticoProcess.ROOT.resolve("e2e/target/screenshots");

    /** A laptop and a phone (an iPhone 12/13/14's CSS viewport). */
    enum Viewport {
        DESKTOP(1280, 800), PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium package (.ci/run does)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    static Browser launch() {
        return new Browser();
    }

    /** A fresh browser profile (its own cookies) at this size. */
    BrowserContext newContext(Viewport viewport) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** The whole page as {@code <name>-<viewport>.png}, for a person to look at. */
    static void screenshot(Page page, String name, Viewport viewport) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(name + "-" + viewport.name().toLowerCase() + ".png")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
