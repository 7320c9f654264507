/* narrate: the player snippet (player.html) where a publisher pasted it, on any site.
 *
 * The snippet works without this file: an <audio> element with its captions track, and chapter
 * links that open the MP3 at the chapter's time (file.mp3#t=seconds). This file adds:
 * - chapter links seek the snippet's own player and play from there, keeping the reader on the page
 *   (the page's address does not change); Space on one does the same, as on a button;
 * - the chapter being played is marked (aria-current="step");
 * - read-along, when the snippet has a .narrate-player__now line (narrate.toml: [show]
 *   embed_read_along = true): the caption being spoken is shown there, from the captions track.
 * It is loaded by every snippet on a page, and does its work once per snippet.
 */
(function () {
  "use strict";

  function cueText(cue) {
    var html = cue.getCueAsHTML ? cue.getCueAsHTML() : null; // drops WebVTT tags such as <v Name>
    return (html ? html.textContent : String(cue.text || "")).replace(/\s+/g, " ").trim();
  }

  function play(audio, seconds) {
    try {
      audio.currentTime = seconds;
    } catch (e) {
      return;
    }
    var promise = audio.play();
    if (promise && typeof promise.catch === "function") promise.catch(function () {});
  }

  function chapters(box, audio) {
    var links = box.querySelectorAll("a[data-start]");
    var list = [];
    for (var i = 0; i < links.length; i++) {
      var start = parseFloat(links[i].getAttribute("data-start"));
      if (isFinite(start)) list.push({ el: links[i], start: start });
    }
    list.forEach(function (item) {
      item.el.setAttribute("role", "button");
      item.el.addEventListener("click", function (event) {
        event.preventDefault();
        play(audio, item.start);
      });
      item.el.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          play(audio, item.start);
        }
      });
    });
    var current = null;
    audio.addEventListener("timeupdate", function () {
      var found = null;
      for (var i = 0; i < list.length; i++) if (list[i].start <= audio.currentTime + 0.01) found = list[i];
      if (found === current) return;
      if (current) current.el.removeAttribute("aria-current");
      current = found;
      if (current) current.el.setAttribute("aria-current", "step");
    });
  }

  function readAlong(box, audio) {
    var line = box.querySelector(".narrate-player__now");
    var track = audio.textTracks && audio.textTracks.length ? audio.textTracks[0] : null;
    if (!line || !track) return;
    if (track.mode === "disabled") track.mode = "hidden"; // cues load and change in "hidden" too
    track.addEventListener("cuechange", function () {
      var cues = track.activeCues || [];
      var parts = [];
      for (var i = 0; i < cues.length; i++) parts.push(cueText(cues[i]));
      line.textContent = parts.join(" ");
    });
  }

  function setUp(box) {
    if (box.getAttribute("data-narrate-ready")) return;
    var audio = box.querySelector("audio");
    if (!audio) return;
    box.setAttribute("data-narrate-ready", "true");
    chapters(box, audio);
    readAlong(box, audio);
  }

  function all() {
    var boxes = document.querySelectorAll(".narrate-player");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", all);
  } else {
    all();
  }
})();
