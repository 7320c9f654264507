/* narrate: read along with the narration.
 *
 * The pages work without this file (a plain <audio> element and the text). It adds:
 * - the sentence being spoken gets aria-current="true" (styled as a highlight) and, while the audio
 *   plays, is scrolled into view unless the reader has just scrolled or turned following off;
 * - clicking a sentence, or Enter/Space on it, plays from its start (sentences get role="button");
 *   arrow keys move between sentences (one of them is in the tab order at a time: the current one,
 *   else the text's first, and one of the text's whenever the text itself gets focus, as after the
 *   "Skip to the text" link);
 * - the follow checkbox and the hint are shown (the "js" class on <html>; they are laid out from
 *   the start, invisible, so showing them moves nothing);
 * - chapter links seek in the page's player instead of opening the MP3;
 * - a page address ending in #t=<seconds> starts there;
 * - on a page with several players, starting one pauses the others.
 * Sentences are elements with class "s" and data-start / data-end in seconds: a sentence is current
 * while start <= currentTime < end.
 */
(function () {
  "use strict";

  var EPSILON = 0.01; // seconds: a seek to a sentence's start lands inside it despite rounding
  var USER_SCROLL_PAUSE = 4000; // ms without automatic scrolling after the reader scrolls

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function onlyOnePlaying() {
    var players = document.querySelectorAll("audio");
    if (players.length < 2) return;
    document.addEventListener("play", function (event) {
      for (var i = 0; i < players.length; i++) {
        if (players[i] !== event.target && !players[i].paused) players[i].pause();
      }
    }, true);
  }

  function timed(elements) {
    var list = [];
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      var start = parseFloat(el.getAttribute("data-start"));
      var end = parseFloat(el.getAttribute("data-end"));
      if (isFinite(start) && isFinite(end)) list.push({ el: el, start: start, end: end });
    }
    list.sort(function (a, b) { return a.start - b.start; });
    return list;
  }

  /* The last item starting at or before t (binary search), or -1. */
  function lastStartingBy(list, t) {
    var lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid].start <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function episode(audio) {
    var root = document.documentElement;
    var sentences = timed(document.querySelectorAll(".s[data-start][data-end]"));
    var chapters = timed(document.querySelectorAll(".chapters__link[data-start]"));
    var follow = document.getElementById("narrate-follow");
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var current = null;
    var currentChapter = null;
    var lastUserScroll = 0;
    var frame = 0;
    var started = false; // nothing is highlighted before the audio is played or moved

    // The follow checkbox and the hint are laid out from the start, invisible: showing them moves nothing.
    root.classList.add("js");

    // Roving tabindex: one sentence in the tab order (the current one, else the text's first, so that
    // "Skip to the text" then Tab lands on the article, not on the spoken intro above it). Each says
    // it can be activated (role="button").
    var text = document.getElementById("text");
    var inText = function (item) { return !!(text && item && text.contains(item.el)); };
    var firstInText = null;
    sentences.forEach(function (item, index) {
      item.index = index;
      if (!firstInText && inText(item)) firstInText = item;
    });
    var tabStop = firstInText || (sentences.length ? sentences[0] : null);
    sentences.forEach(function (item) {
      item.el.tabIndex = item === tabStop ? 0 : -1;
      item.el.setAttribute("role", "button");
    });

    function setTabStop(item) {
      if (!item || item === tabStop) return;
      if (tabStop) tabStop.el.tabIndex = -1;
      item.el.tabIndex = 0;
      tabStop = item;
    }

    // Focus arriving on the text itself (the skip link): the next Tab goes to a sentence of the text.
    if (text) {
      text.addEventListener("focus", function () {
        if (!inText(tabStop)) setTabStop(inText(current) ? current : firstInText);
      });
    }

    function visible(el) {
      var rect = el.getBoundingClientRect();
      var bar = document.querySelector(".player__bar");
      var top = bar ? bar.getBoundingClientRect().bottom : 0;
      var height = window.innerHeight || root.clientHeight;
      return rect.top >= Math.max(0, top) && rect.bottom <= height;
    }

    function reveal(el) {
      if (audio.paused || (follow && !follow.checked)) return;
      if (Date.now() - lastUserScroll < USER_SCROLL_PAUSE) return;
      if (visible(el)) return;
      el.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
    }

    function update(event) {
      if (event && (event.type === "play" || event.type === "seeking" || event.type === "seeked")) started = true;
      if (!started && audio.paused && audio.currentTime === 0) return;
      started = true;
      var t = audio.currentTime + EPSILON;
      var i = lastStartingBy(sentences, t);
      var item = i >= 0 && t < sentences[i].end + EPSILON ? sentences[i] : null;
      if (item !== current) {
        if (current) current.el.removeAttribute("aria-current");
        current = item;
        if (current) {
          current.el.setAttribute("aria-current", "true");
          if (document.activeElement === null || !document.activeElement.classList ||
              !document.activeElement.classList.contains("s")) {
            setTabStop(current);
          }
          reveal(current.el);
        }
      }
      var c = lastStartingBy(chapters, t);
      var chapter = c >= 0 ? chapters[c] : null;
      if (chapter !== currentChapter) {
        if (currentChapter) currentChapter.el.removeAttribute("aria-current");
        currentChapter = chapter;
        if (currentChapter) currentChapter.el.setAttribute("aria-current", "step");
      }
    }

    function tick() {
      update();
      frame = audio.paused ? 0 : window.requestAnimationFrame(tick);
    }

    function playFrom(seconds) {
      try {
        audio.currentTime = seconds;
      } catch (e) {
        return; // not seekable yet (no metadata): nothing to do
      }
      started = true;
      update();
      if (audio.paused) {
        var promise = audio.play();
        if (promise && typeof promise.catch === "function") promise.catch(function () {});
      }
    }

    ["timeupdate", "seeking", "seeked", "loadedmetadata", "pause", "ended"].forEach(function (name) {
      audio.addEventListener(name, update);
    });
    audio.addEventListener("play", function (event) {
      update(event);
      if (!frame) frame = window.requestAnimationFrame(tick);
    });

    ["wheel", "touchmove"].forEach(function (name) {
      window.addEventListener(name, function () { lastUserScroll = Date.now(); }, { passive: true });
    });
    window.addEventListener("keydown", function (event) {
      var keys = ["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "];
      if (keys.indexOf(event.key) >= 0 && !(event.target.classList && event.target.classList.contains("s"))) {
        lastUserScroll = Date.now();
      }
    });

    function sentenceOf(target) {
      var el = target && target.closest ? target.closest(".s[data-start]") : null;
      if (!el) return null;
      for (var i = 0; i < sentences.length; i++) if (sentences[i].el === el) return sentences[i];
      return null;
    }

    document.addEventListener("click", function (event) {
      var item = sentenceOf(event.target);
      if (!item) return;
      var selection = window.getSelection ? window.getSelection() : null;
      if (selection && !selection.isCollapsed && String(selection).trim()) return; // selecting text
      setTabStop(item);
      playFrom(item.start);
    });

    document.addEventListener("keydown", function (event) {
      var item = sentenceOf(event.target);
      if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
      var next = null;
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        playFrom(item.start);
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowRight") next = sentences[item.index + 1];
      else if (event.key === "ArrowUp" || event.key === "ArrowLeft") next = sentences[item.index - 1];
      else if (event.key === "Home") next = sentences[0];
      else if (event.key === "End") next = sentences[sentences.length - 1];
      else return;
      event.preventDefault();
      if (next) {
        setTabStop(next);
        next.el.focus();
      }
    });

    chapters.forEach(function (item) {
      item.el.setAttribute("role", "button");
      item.el.addEventListener("click", function (event) {
        event.preventDefault();
        playFrom(item.start);
      });
      item.el.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          playFrom(item.start);
        }
      });
    });

    // The bar sticks to the top of the window while the text scrolls by: give it a shadow then.
    var bar = document.querySelector(".player__bar");
    if (bar) {
      var stuck = false;
      var checkStuck = function () {
        var now = bar.getBoundingClientRect().top <= 0.5 && window.scrollY > 0;
        if (now !== stuck) {
          stuck = now;
          bar.classList.toggle("is-stuck", now);
        }
      };
      window.addEventListener("scroll", checkStuck, { passive: true });
      checkStuck();
    }

    function startFromHash() {
      var match = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
      if (!match) return;
      var seconds = parseFloat(match[1]);
      if (audio.readyState >= 1) {
        audio.currentTime = seconds;
      } else {
        audio.addEventListener("loadedmetadata", function once() {
          audio.removeEventListener("loadedmetadata", once);
          audio.currentTime = seconds;
        });
      }
    }
    window.addEventListener("hashchange", startFromHash);
    startFromHash();
    update();
  }

  ready(function () {
    onlyOnePlaying();
    var audio = document.getElementById("narrate-audio");
    if (audio) episode(audio);
  });
})();
