// Live results and totals in the budget grid. The server computes and checks everything again
// on save; this only shows the sums while typing. Same reading rules as kern/bedragen.py.
(function () {
  "use strict";
  var grid = document.querySelector("[data-begrotingsgrid]");
  if (!grid) return;

  function lees(tekst) {
    var s = (tekst || "").replace(/[€\s\u00a0]/g, "");
    var negatief = /^[-\u2212]/.test(s);
    s = s.replace(/^[-\u2212]+/, "");
    if (s === "") return 0;
    if (s.indexOf(".") >= 0 && s.indexOf(",") >= 0) {
      s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
    } else if (s.indexOf(",") >= 0) {
      s = s.replace(",", ".");
    } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
      s = s.replace(/\./g, "");
    }
    if (!/^\d+(\.\d+)?$/.test(s)) return NaN;
    var waarde = Math.round(parseFloat(s) * 100);
    return negatief ? -waarde : waarde;
  }

  function schrijf(centen) {
    if (isNaN(centen)) return "?";
    var teken = centen < 0 ? "\u2212" : "";
    var abs = Math.abs(centen);
    var euro = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    var cent = ("0" + (abs % 100)).slice(-2);
    return "€ " + teken + euro + "," + cent;
  }

  function veld(rij, naam) {
    return rij.querySelector("[name$='-" + naam + "']");
  }

  function bereken() {
    var totaal = { primitieve_begroting: 0, begroting_na_wijziging: 0, realisatie: 0, resultaat: 0 };
    grid.querySelectorAll("[data-regel]").forEach(function (rij) {
      var weg = veld(rij, "DELETE");
      var begroting = lees(veld(rij, "begroting_na_wijziging").value);
      var realisatie = lees(veld(rij, "realisatie").value);
      var resultaat = begroting - realisatie;
      rij.querySelector("[data-resultaat]").textContent = schrijf(resultaat);
      if (weg && weg.checked) return;
      totaal.primitieve_begroting += lees(veld(rij, "primitieve_begroting").value);
      totaal.begroting_na_wijziging += begroting;
      totaal.realisatie += realisatie;
      totaal.resultaat += resultaat;
    });
    Object.keys(totaal).forEach(function (naam) {
      grid.querySelector("[data-totaal='" + naam + "']").textContent = schrijf(totaal[naam]);
    });
  }

  // The fixed area and name columns: the region's scroll padding is their width, so a cell
  // reached by Tab scrolls into view beside them rather than under them.
  var regio = grid.querySelector("[data-grid-regio]");
  function vastBreedte() {
    if (!regio) return;
    var breedte = 0;
    regio.querySelectorAll("thead .app-grid__gebied, thead .app-grid__naam").forEach(function (kop) {
      if (getComputedStyle(kop).position === "sticky") breedte += kop.offsetWidth;
    });
    regio.style.setProperty("--app-grid-vast", breedte + 8 + "px");
  }

  grid.addEventListener("input", bereken);
  grid.addEventListener("change", bereken);
  window.addEventListener("resize", vastBreedte);
  bereken();
  vastBreedte();
})();
