"""The site as a reader meets it: opened from disk, searched, followed."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser_support import console_errors, requested_urls


def open_page(driver, url):
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get_log("browser")
    driver.get(url)


def assert_stays_on_disk(driver):
    leaving = [u for u in requested_urls(driver) if not u.startswith(("file://", "data:", "about:"))]
    assert leaving == [], f"requests that leave file://: {leaving}"
    errors = console_errors(driver)
    assert errors == [], f"console errors: {errors}"


def test_home_page_opens_from_disk_without_errors_or_network(driver, site):
    open_page(driver, (site / "index.html").as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text.strip()
    assert driver.find_elements(By.CSS_SELECTOR, "a[href*='articles/']"), "home page lists no articles"
    assert_stays_on_disk(driver)


def test_typing_a_query_lists_results_and_the_first_result_opens(driver, site):
    open_page(driver, (site / "index.html").as_uri())
    box = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
    box.clear()
    box.send_keys("就业")
    wait = WebDriverWait(driver, 10)
    results = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] li a"))
    assert results, "no results for 就业"
    first = results[0]
    expected = first.get_attribute("href")
    first.click()
    wait.until(EC.url_to_be(expected))
    assert driver.current_url.startswith("file://") and "/articles/" in driver.current_url
    assert "就业" in driver.find_element(By.TAG_NAME, "body").text or "就業" in driver.find_element(By.TAG_NAME, "body").text
    assert_stays_on_disk(driver)


def test_search_box_submitted_with_enter_shows_the_results_page(driver, site):
    open_page(driver, (site / "topics" / "ecology" / "index.html").as_uri())
    box = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
    box.send_keys("生态", Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "search.html" in d.current_url)
    results = WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] li a"))
    assert results
    assert_stays_on_disk(driver)
