package dev.authwatch.chatpage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's chat page ({@code /}) in a headless Chromium of its own, driven as a person
 * would.
 */
final class ChatTab implements AutoCloseable {

	private static final String MESSAGES_SCRIPT = """
			return [...document.querySelectorAll('ol.messages[data-room="' + arguments[0] + '"] li.message')].map((item) => ({
				from: item.dataset.from,
				text: item.querySelector('.text').textContent,
				id: item.dataset.id ?? null,
				offset: item.dataset.offset ?? null,
				delivery: item.querySelector('.delivery')?.dataset.state ?? null
			}));""";

	private final String name;

	private final WebDriver browser;

	private final WebDriverWait wait;

	private ChatTab(String name, WebDriver browser) {
		this.name = name;
		this.browser = browser;
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	static ChatTab open(String name, Path profile, String baseUrl) {
		ChatTab tab = new ChatTab(name, HeadlessChromium.open(profile));
		tab.browser.get(baseUrl + "/");
		return tab;
	}

	void logIn(String username, String password) {
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
		awaitConnected();
	}

	void logInAsGuest() {
		this.browser.findElement(By.id("guest")).click();
		awaitConnected();
	}

	void awaitConnected() {
		this.wait.until((browser) -> "connected".equals(connectionState()));
	}

	void join(String room) {
		this.browser.findElement(By.id("room")).clear();
		this.browser.findElement(By.id("room")).sendKeys(room);
		this.browser.findElement(By.cssSelector("#join-form button")).click();
		awaitJoined(room);
	}

	void awaitJoined(String room) {
		this.wait.until((browser) -> !browser
			.findElements(By.cssSelector("#rooms button[data-room='" + room + "'][data-joined]"))
			.isEmpty());
	}

	void send(String text) {
		this.browser.findElement(By.id("text")).sendKeys(text);
		this.browser.findElement(By.cssSelector("#send-form button")).click();
	}

	/**
	 * Types and sends a numbered message every {@code intervalMs} in the page itself,
	 * until {@link #stopSending()}.
	 */
	void keepSending(String prefix, int intervalMs) {
		script("""
				let n = 0;
				window.keepSending = setInterval(() => {
					const input = document.getElementById('text');
					if (!input.disabled) {
						input.value = arguments[0] + '-' + (++n);
						document.getElementById('send-form').requestSubmit();
					}
				}, arguments[1]);""", prefix, intervalMs);
	}

	void stopSending() {
		script("clearInterval(window.keepSending)");
	}

	@SuppressWarnings("unchecked")
	List<Shown> messages(String room) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) script(MESSAGES_SCRIPT, room);
		return items.stream()
			.map((item) -> new Shown((String) item.get("from"), (String) item.get("text"), (String) item.get("id"),
					(String) item.get("offset"), (String) item.get("delivery")))
			.toList();
	}

	/**
	 * The state the page shows: {@code connecting}, {@code connected},
	 * {@code reconnecting}, {@code revoked}, {@code stopped}.
	 */
	String connectionState() {
		return this.browser.findElement(By.id("connection")).getDomAttribute("data-state");
	}

	String connectionText() {
		return this.browser.findElement(By.id("connection")).getText();
	}

	/** The page's connection log, one line per event, oldest first. */
	List<String> connectionLog() {
		return this.browser.findElements(By.cssSelector("#connection-log li"))
			.stream()
			.map((item) -> item.getText())
			.toList();
	}

	String user() {
		return this.browser.findElement(By.id("who")).getText();
	}

	List<String> severeConsoleMessages() {
		return HeadlessChromium.severeConsoleMessages(this.browser);
	}

	WebDriverWait waiting() {
		return this.wait;
	}

	private Object script(String javaScript, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(javaScript, arguments);
	}

	@Override
	public void close() throws Exception {
		HeadlessChromium.screenshotAndQuit(this.browser, "chat-page-" + this.name);
	}

	/**
	 * A message as the page shows it; {@code delivery} only on the sender's own messages.
	 */
	record Shown(String from, String text, String id, String offset, String delivery) {
	}

}
