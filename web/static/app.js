// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

document.addEventListener("keydown", (event) => {
  const box = document.getElementById("q");
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
  if (event.key === "/" && box && !typing) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

// The filters: a sidebar always open on wide screens, a panel behind "Filters" on narrow ones.
(() => {
  const panel = document.getElementById("filters");
  if (!panel) return;
  const wide = window.matchMedia("(min-width: 50.01rem)");
  const fit = () => { panel.open = wide.matches; };
  fit();
  wide.addEventListener("change", fit);
})();

// A box above each long facet list that keeps the values containing what is typed.
(() => {
  const folded = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  document.querySelectorAll("section.facet").forEach((section) => {
    const more = section.querySelector("details.facet-more");
    if (!more) return;
    const heading = section.querySelector("h3");
    const name = section.dataset.facet;
    const plural = (section.querySelector(".facet-all-link")?.textContent.match(/^All \d+ ([^,\s]+)/) || [])[1] || "values";
    const box = document.createElement("input");
    box.type = "search";
    box.className = "facet-filter";
    box.id = `facet-filter-${name}`;
    box.placeholder = `Filter ${plural}`;
    box.setAttribute("aria-label", `Filter ${heading.textContent.toLowerCase()} values`);
    box.setAttribute("aria-controls", `facet-${name}-values facet-${name}-more`);
    const none = document.createElement("p");
    none.className = "facet-none";
    none.setAttribute("role", "status");
    section.querySelector("ul").id = `facet-${name}-values`;
    more.querySelector("ul").id = `facet-${name}-more`;
    heading.after(box);
    section.append(none);
    const items = [...section.querySelectorAll("li")];
    box.addEventListener("input", () => {
      const wanted = folded(box.value.trim());
      let shown = 0;
      items.forEach((item) => {
        const match = !wanted || folded(item.querySelector(".label").textContent).includes(wanted);
        item.hidden = !match;
        shown += match;
      });
      if (wanted) more.open = true;
      none.textContent = wanted && !shown ? `No ${plural} contain “${box.value.trim()}”.` : "";
    });
  });
})();

// The timeline: drag across bars to narrow the dates to their span.
(() => {
  const chart = document.querySelector(".timeline-chart");
  if (!chart) return;
  const bars = [...chart.querySelectorAll(".bar")];
  const readout = document.querySelector(".timeline-readout");
  let from = null;
  let to = null;
  let dragged = false;
  const barAt = (event) => {
    const box = chart.getBoundingClientRect();
    const width = bars.length * Number(chart.dataset.bar);
    // The drawing keeps its proportions inside the box, from its left edge.
    const scale = Math.min(box.width / width, box.height / 84);
    const index = Math.floor((event.clientX - box.left) / scale / Number(chart.dataset.bar));
    return Math.max(0, Math.min(bars.length - 1, index));
  };
  const span = () => [Math.min(from, to), Math.max(from, to)];
  const show = () => {
    const [low, high] = span();
    let count = 0;
    bars.forEach((bar, index) => {
      const inside = index >= low && index <= high;
      bar.classList.toggle("in-span", inside);
      if (inside) count += Number(bar.dataset.count);
    });
    readout.textContent = `${bars[low].dataset.start} to ${bars[high].dataset.end}: ${count} release${count === 1 ? "" : "s"}`
      + " – let go to narrow the dates to these";
  };
  // A press with a modifier key is the browser's (a bar opened in a new tab or window).
  const modified = (event) => event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  chart.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || modified(event)) return;
    from = to = barAt(event);
    dragged = false;
    chart.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  chart.addEventListener("pointermove", (event) => {
    if (from === null) return;
    const index = barAt(event);
    if (index !== to) {
      to = index;
      dragged = true;
    }
    if (dragged) show();
  });
  const finish = (event) => {
    if (from === null) return;
    const [low, high] = span();
    from = to = null;
    if (!dragged) {
      // A press without a drag is a click on its bar (a link when it has releases).
      const link = event.type === "pointerup" && bars[low].closest("a");
      if (link) window.location.href = link.getAttribute("href");
      return;
    }
    const params = new URLSearchParams(window.location.search);
    params.set("from", bars[low].dataset.start);
    params.set("to", bars[high].dataset.end);
    ["page", "month", "interval"].forEach((name) => params.delete(name));
    window.location.search = params.toString();
  };
  chart.addEventListener("pointerup", finish);
  chart.addEventListener("pointercancel", (event) => {
    from = to = null;
    bars.forEach((bar) => bar.classList.remove("in-span"));
    readout.textContent = "";
  });
  // Links are followed on pointerup above; the click that follows it must not follow them again.
  chart.addEventListener("click", (event) => {
    if (event.detail > 0 && !modified(event)) event.preventDefault();
  });
})();
