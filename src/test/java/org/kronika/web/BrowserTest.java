package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.kronika.testing.Prerequisites;

/**
 * The pages in a real headless Chromium against a server on localhost fed with
 * {@link WebFixtures}; screenshots land in target/screenshots. Skipped when Debian's
 * chromium and chromium-driver are not installed.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir static Path dir;
  static Kronika kronika;
  static WebServer server;
  static ChromeDriver browser;

  private static boolean browserInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  @BeforeAll
  static void start() throws IOException {
    if (!browserInstalled()) {
      return; // each test reports itself skipped (or failed in CI), see requireBrowser
    }
    kronika = Kronika.openForReading(WebFixtures.build(dir));
    server = WebServer.start(kronika, null, "127.0.0.1", 0, 4);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1200,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @BeforeEach
  void requireBrowser() {
    Prerequisites.require(browserInstalled(),
        "Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
      kronika.close();
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static void shot(String name) throws IOException {
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void homeToStoryToEntityToSearch() throws IOException {
    browser.manage().window().setSize(new Dimension(1200, 900));
    browser.get(url("/"));
    assertEquals("Current stories", browser.findElement(By.tagName("h1")).getText());
    assertFalse(browser.findElements(By.cssSelector("svg.chart rect")).isEmpty(), "a chart per story");
    shot("1-home");

    browser.findElement(By.linkText("Zelensky meets Rutte in Kyiv to discuss NATO invitation")).click();
    assertTrue(browser.getCurrentUrl().contains("/story/"));
    String page = browser.findElement(By.tagName("main")).getText();
    assertTrue(page.contains("Ukrainian") && page.contains("Russian") && page.contains("English"), page);
    WebElement copies = browser.findElement(By.cssSelector("ul.articles details summary"));
    assertEquals("1 copy from other sources", copies.getText());
    copies.click();
    List<WebElement> whys = browser.findElements(By.cssSelector("p.why"));
    assertFalse(whys.isEmpty(), "the articles that joined the story say why");
    assertTrue(whys.get(0).getText().matches("Why here\\? Similarity to the story 0\\.\\d\\d; shared: .*"),
        whys.get(0).getText());
    shot("2-story");

    browser.findElement(By.cssSelector("ul.entities a")).click();
    assertTrue(browser.getCurrentUrl().contains("/entity/"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Stories over time"));
    shot("3-entity");

    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    box.sendKeys("Zelensky", Keys.ENTER);
    awaitUrl("/search?q=Zelensky");
    List<WebElement> marks = browser.findElements(By.cssSelector("ol.hits mark"));
    assertTrue(marks.stream().anyMatch(m -> m.getText().equals("Зеленський")), "Ukrainian name highlighted");
    assertTrue(marks.stream().anyMatch(m -> m.getText().equals("Зеленский")), "Russian name highlighted");
    shot("4-search");

    browser.findElement(By.partialLinkText("Ukrainian")).click();
    assertEquals(1, browser.findElements(By.cssSelector("ol.hits > li")).size());

    browser.findElement(By.cssSelector("ol.hits h3 a")).click();
    assertTrue(browser.getCurrentUrl().contains("/article/"));
    shot("5-article");
  }

  @Test
  void homeToStorylineToStoryToEntityToQuotes() throws IOException {
    browser.manage().window().setSize(new Dimension(1200, 900));
    browser.get(url("/"));
    browser.findElement(By.linkText("Storylines")).click();
    assertEquals("Storylines", browser.findElement(By.tagName("h1")).getText());
    shot("8-storylines");

    String largest = browser.findElement(By.cssSelector("ol.stories h2 a")).getAttribute("href");
    browser.navigate().back();
    browser.findElement(By.cssSelector("ol.stories a[href^='/storyline/']")).click(); // a story card names its storyline
    assertEquals(largest, browser.getCurrentUrl(), "the summit's storyline, the largest: the summit and the visit after it");
    String title = browser.findElement(By.tagName("h1")).getText();
    WebElement chart = browser.findElement(By.cssSelector("svg.timeline"));
    assertEquals("img", chart.getAttribute("role"));
    assertTrue(browser.findElement(By.id("storyline-chart-title")).getAttribute("textContent")
        .startsWith("Articles per day, 2 Dec 2024 to 6 Dec 2024"));
    assertTrue(chart.findElements(By.cssSelector("text.date")).size() >= 2, "dates on the axis");
    assertEquals(List.of("English", "Russian", "Ukrainian"),
        browser.findElements(By.cssSelector("ul.legend li")).stream().map(WebElement::getText).toList());
    List<WebElement> chain = browser.findElements(By.cssSelector("ol.chain > li"));
    assertEquals(2, chain.size());
    assertTrue(chain.get(0).getText().startsWith("Zelensky meets Rutte"), chain.get(0).getText());
    assertTrue(chain.get(1).getText().contains("Kharkiv"), chain.get(1).getText());
    WebElement table = browser.findElement(By.cssSelector("figure.timeline table"));
    assertFalse(table.isDisplayed());
    browser.findElement(By.cssSelector("figure.timeline summary")).sendKeys(Keys.ENTER); // the counts, from the keyboard
    assertTrue(table.isDisplayed());
    shot("9-storyline");

    chain.get(0).findElement(By.tagName("a")).click();
    assertTrue(browser.getCurrentUrl().contains("/story/"));
    assertEquals(title, browser.findElement(By.cssSelector("p.storyline a")).getText(), "the story links its storyline");
    assertTrue(browser.findElement(By.id("story-chart-title")).getAttribute("textContent").contains("2 Dec 2024"));
    shot("10-story-in-storyline");

    browser.findElements(By.cssSelector("ul.entities a")).stream().filter(a -> a.getText().contains("Zelensk")).findFirst()
        .orElseThrow().click();
    assertTrue(browser.getCurrentUrl().contains("/entity/"));
    String entity = browser.findElement(By.tagName("main")).getText();
    assertTrue(entity.contains("Appears most with") && entity.contains("Every system our partners send"), entity);
    assertFalse(browser.findElements(By.cssSelector("ol.companions a[href^='/story/']")).isEmpty(), "shared stories linked");
    shot("11-entity");

    browser.findElement(By.linkText("Quotes")).click();
    assertEquals("Who said what", browser.findElement(By.tagName("h1")).getText());
    browser.findElement(By.id("words")).sendKeys("saves lives", Keys.ENTER);
    awaitUrl("q=saves+lives");
    List<WebElement> quotes = browser.findElements(By.cssSelector("ol.quotes > li"));
    assertEquals(1, quotes.size());
    assertTrue(quotes.get(0).findElement(By.cssSelector("a.speaker-link")).getText().contains("Zelensk"));
    shot("12-quotes");
  }

  @Test
  void storylineReadableOnAPhone() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/storylines"));
    browser.findElement(By.cssSelector("ol.stories h2 a")).click();
    Long overflow = (Long) browser.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertEquals(0L, overflow, "no sideways scrolling on a phone");
    assertTrue(browser.findElement(By.cssSelector("svg.timeline")).getSize().getWidth() <= 390);
    shot("13-phone-storyline");
    browser.manage().window().setSize(new Dimension(1200, 900));
  }

  @Test
  void readableOnAPhone() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/search?q=Rutte"));
    Long overflow = (Long) browser.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertEquals(0L, overflow, "no sideways scrolling on a phone");
    shot("6-phone-search");
    browser.manage().window().setSize(new Dimension(1200, 900));
  }

  @Test
  void usableFromTheKeyboard() {
    browser.manage().window().setSize(new Dimension(1200, 900));
    browser.get(url("/"));
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertEquals("Skip to content", browser.switchTo().activeElement().getText());
    browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB); // the site name, then the search box
    browser.switchTo().activeElement().sendKeys("Rutte", Keys.ENTER);
    awaitUrl("/search?q=Rutte");
    assertEquals(4, browser.findElements(By.cssSelector("ol.hits > li")).size());
  }

  @Test
  void hostileMarkupIsShownAsText() throws IOException {
    browser.manage().window().setSize(new Dimension(1200, 900));
    browser.get(url("/search?q=harbour"));
    browser.findElement(By.cssSelector("ol.hits h3 a")).click();
    assertEquals(WebFixtures.HOSTILE_TITLE, browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElement(By.cssSelector("div.body")).getText().contains("<img src=x onerror=alert(1)>"));
    assertTrue(browser.findElements(By.cssSelector("main img, main script")).isEmpty());
    assertFalse(browser.getTitle().contains("owned"));
    shot("7-hostile-article");
  }

  /**
   * Waits for the page a form submitted with Enter: unlike a link's click, a key press returns
   * before the browser has navigated.
   */
  private void awaitUrl(String part) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (!browser.getCurrentUrl().contains(part) && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // each look is a round trip to the driver
    }
    assertTrue(browser.getCurrentUrl().contains(part), browser.getCurrentUrl());
  }
}
