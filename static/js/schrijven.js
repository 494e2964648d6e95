// The live preview of the paragraph's editor: while the coordinator types, each text field's
// "Voorbeeld" shows the text as readers will see it. The server renders and sanitises it
// (rapportage:voorbeeld_tekst, the same rules as publishing); this only asks for it, a moment
// after typing stops. Nothing is saved here, focus never moves, and nothing is announced
// except a failure (a polite status). Without this script the page works as a plain form.
(function () {
  "use strict";
  var formulier = document.querySelector("[data-schrijven]");
  if (!formulier || !window.fetch) return;
  var adres = formulier.getAttribute("data-voorbeeld-url");
  var token = formulier.querySelector("input[name='csrfmiddlewaretoken']");
  var WACHT_MS = 400;

  function volg(veld) {
    var voorbeeld = document.getElementById(veld.getAttribute("data-voorbeeld"));
    if (!voorbeeld) return;
    var inhoud = voorbeeld.querySelector("[data-voorbeeld-inhoud]");
    var status = voorbeeld.querySelector("[data-voorbeeld-status]");
    var wacht = null;
    var laatst = veld.value;
    var volgnummer = 0;

    function vraag() {
      var tekst = veld.value;
      if (tekst === laatst) return;
      laatst = tekst;
      var dit = ++volgnummer;
      var gegevens = new FormData();
      gegevens.append("tekst", tekst);
      fetch(adres, {
        method: "POST",
        body: gegevens,
        credentials: "same-origin",
        redirect: "error", // an ended session answers with the login page: not a preview
        headers: { "X-CSRFToken": token ? token.value : "", "X-Requested-With": "fetch" },
      })
        .then(function (antwoord) {
          if (!antwoord.ok) throw new Error(String(antwoord.status));
          return antwoord.text();
        })
        .then(function (html) {
          if (dit !== volgnummer) return; // an answer to older text arrived late
          inhoud.innerHTML = html;
          voorbeeld.removeAttribute("data-voorbeeld-fout");
          if (status.textContent) status.textContent = "";
        })
        .catch(function () {
          if (dit !== volgnummer) return;
          laatst = null; // try again on the next keystroke
          voorbeeld.setAttribute("data-voorbeeld-fout", "");
          status.textContent =
            "Het voorbeeld kon niet worden bijgewerkt; misschien bent u niet meer ingelogd. " +
            "Kopieer uw tekst voordat u de pagina verlaat.";
        });
    }

    veld.addEventListener("input", function () {
      window.clearTimeout(wacht);
      wacht = window.setTimeout(vraag, WACHT_MS);
    });
  }

  formulier.querySelectorAll("textarea[data-voorbeeld]").forEach(volg);
})();
