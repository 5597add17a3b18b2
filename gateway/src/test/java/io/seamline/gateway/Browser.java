package io.seamline.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the portal's tests: Debian's headless Chromium driven through its chromedriver (both installed by
 * {@code .ci/run}). Where they are missing the test is skipped with a message saying what to install. Screenshots go to
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("seamline.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("seamline.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(int port) {
        try {
            profile = Files.createTempDirectory("seamline-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1360,1000",
                        "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    /** A new browser on the gateway at {@code port}, or the test skipped when this machine has no Chromium. */
    static Browser open(int port) {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Chromium and its driver: apt-get install chromium chromium-driver"
                        + " (.ci/run installs them)");
        return new Browser(port);
    }

    /** Signs in on the portal's own page as a local (demo) user. */
    Browser signIn(String user, String password) {
        go("/portal/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        until(d -> !d.getCurrentUrl().contains("/portal/login"));
        return this;
    }

    void signOut() {
        driver.findElement(By.cssSelector("form.who button")).click();
        until(d -> d.getCurrentUrl().contains("/portal/login"));
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(By by) {
        return until(d -> d.findElement(by));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Waits until the condition holds, asking again when an element is not there yet or was replaced while it was read
     * (a live region re-rendered between finding an element and reading it).
     */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
