#!/usr/bin/env python3
"""Generate a held-out set of synthetic invoices that differ on purpose from the dev corpus.

    scripts/generate-heldout-invoices.py SET [--count N] [--out DIR]

SET is `tune` (for finding problems), `check` (only for measuring) or `unseen` (check-like, with
label wordings kept out of the extractor's lexicon, to measure unknown labels); each has its own seed
and its own mix of layouts and locales. Output: DIR/NAME.pdf + DIR/NAME.json (ground truth in
the format and semantics of corpus/README.md), DIR defaulting to .data/heldout/SET/invoices.
Deterministic: the same SET and count give the same invoices.

The generator re-executes itself inside a venv under .data/ holding reportlab, fpdf2 and
weasyprint (created on first use). What differs from the dev corpus: layouts (meta box on the
right, labels in a table header row, dot leaders, title-embedded numbers, inline meta lines,
bordered totals, "Page 1 of 2" headers, sender line above the address window), label wordings,
number formats (Swiss 1'234.56, 1 234.56, no thousands separator, code after amount), date
formats (05-Mar-2024, 2024/03/05, 5.3.2024, March 5th, 2024, 05.03.24), currencies (CHF, NOK,
DKK, PLN) and languages (it, da, nb, pt, pl besides en, de, fr, nl, sv, es).
"""
import argparse
import json
import os
import random
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".data", "heldout-venv")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
SEEDS = {"tune": 4711, "check": 90210, "unseen": 31337}


def ensure_environment():
    """Re-run inside the venv with the PDF libraries (created once, idempotently)."""
    try:
        import reportlab, fpdf, weasyprint  # noqa: F401,E401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        sys.exit("generate-heldout-invoices: venv exists but lacks reportlab/fpdf2/weasyprint")
    if not os.path.exists(os.path.join(FONT_DIR, "DejaVuSans.ttf")):
        subprocess.check_call(["apt-get", "install", "-y", "-qq", "fonts-dejavu-core"])
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q", "reportlab", "fpdf2", "weasyprint"])
    os.execv(python, [python] + sys.argv)


# ---------------------------------------------------------------------------------------------
# Locales and lexicon
# ---------------------------------------------------------------------------------------------

class Locale:
    def __init__(self, code, country, currency, numbers, dates, vat_rates, placements, paper="A4"):
        self.code, self.lang, self.country, self.currency = code, code.split("-")[0], country, currency
        self.numbers, self.dates, self.vat_rates, self.placements, self.paper = numbers, dates, vat_rates, placements, paper


# placements: sym_pre "£1,234.56", sym_pre_sp "€ 1.234,56", sym_post "1.234,56 €", code_pre "CHF 1'234.56",
# code_post "1,234.56 EUR", none (currency stated once elsewhere on the page)
LOCALES = [
    Locale("en-GB", "GB", "GBP", ["1,234.56", "1234.56"], ["dd/mm/yyyy", "d Mon yyyy", "dd-Mon-yyyy", "d month yyyy",
                                                           "Weekday, d month yyyy", "d/m/yyyy", "DD MON YYYY",
                                                           "dth of month yyyy"],
           [20], ["sym_pre", "sym_pre", "code_post", "none"]),
    Locale("en-US", "US", "USD", ["1,234.56", "1234.56"], ["mm/dd/yyyy", "Mon d, yyyy", "month dth, yyyy", "m/d/yyyy",
                                                            "Weekday, month d, yyyy", "Mon d yyyy"],
           [0, 6.25, 8.875, 7], ["sym_pre", "sym_pre", "code_post", "none"], "Letter"),
    Locale("en-IE", "IE", "EUR", ["1,234.56"], ["dd/mm/yyyy", "d month yyyy", "dd-Mon-yyyy", "DD MON YYYY"], [23, 13.5],
           ["sym_pre", "code_post"]),
    Locale("en-DK", "DK", "DKK", ["1.234,56", "1,234.56"], ["dd.mm.yyyy", "iso", "d month yyyy"], [25],
           ["code_post", "code_pre", "none"]),
    Locale("en-NL", "NL", "EUR", ["1,234.56", "1 234.56"], ["dd-mm-yyyy", "yyyy/mm/dd", "d month yyyy"], [21, 9],
           ["sym_pre_sp", "code_pre", "none"]),
    Locale("de-DE", "DE", "EUR", ["1.234,56", "1234,56"], ["dd.mm.yyyy", "d.m.yyyy", "dd.mm.yy", "d. month yyyy"], [19, 7],
           ["sym_post", "code_post", "none"]),
    Locale("de-CH", "CH", "CHF", ["1'234.56", "1’234.56"], ["dd.mm.yyyy", "d. month yyyy", "d.m.yyyy"], [8.1, 2.6],
           ["code_pre", "code_post", "none", "franc_pre"]),
    Locale("fr-FR", "FR", "EUR", ["1 234,56", "1\u00a0234,56", "1\u202f234,56"], ["dd/mm/yyyy", "d month yyyy"], [20, 5.5],
           ["sym_post", "code_post"]),
    Locale("fr-CH", "CH", "CHF", ["1'234.56", "1 234.56"], ["dd.mm.yyyy", "d month yyyy"], [8.1], ["code_pre", "none", "franc_pre"]),
    Locale("nl-NL", "NL", "EUR", ["1.234,56"], ["dd-mm-yyyy", "d month yyyy", "iso"], [21, 9], ["sym_pre_sp", "code_pre"]),
    Locale("sv-SE", "SE", "SEK", ["1 234,56", "1234,56"], ["iso", "d month yyyy"], [25, 12], ["sym_post", "code_post"]),
    Locale("es-ES", "ES", "EUR", ["1.234,56"], ["dd/mm/yyyy", "dd-mm-yyyy", "d de month de yyyy"], [21, 10],
           ["sym_post", "code_post"]),
    Locale("it-IT", "IT", "EUR", ["1.234,56"], ["dd/mm/yyyy", "dd.mm.yyyy", "d month yyyy"], [22, 10],
           ["sym_pre_sp", "sym_post", "code_pre"]),
    Locale("da-DK", "DK", "DKK", ["1.234,56"], ["dd.mm.yyyy", "dd-mm-yyyy", "d. month yyyy"], [25],
           ["sym_post", "code_post", "none"]),
    Locale("nb-NO", "NO", "NOK", ["1 234,56", "1234,56"], ["dd.mm.yyyy", "d. month yyyy"], [25, 15],
           ["sym_post", "code_pre", "none"]),
    Locale("pt-PT", "PT", "EUR", ["1 234,56", "1.234,56"], ["dd/mm/yyyy", "dd-mm-yyyy", "iso", "d de month de yyyy"], [23, 13],
           ["sym_post", "code_post"]),
    Locale("pl-PL", "PL", "PLN", ["1 234,56", "1234,56"], ["dd.mm.yyyy", "iso", "d month yyyy"], [23, 8],
           ["sym_post", "code_post"]),
]

SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF", "SEK": "kr", "NOK": "kr", "DKK": "kr.", "PLN": "zł"}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}

# Label wordings real invoices use, per language. `{rate}` is filled with the printed VAT rate.
LEX = {
    "en": dict(
        title=["INVOICE", "Invoice", "Tax Invoice", "Sales Invoice"],
        number=["Invoice #", "Inv #", "Invoice No.", "Document no.", "Invoice Number", "Inv. No.", "Bill No.", "Invoice Ref.", "No."],
        date=["Invoice Date", "Bill date", "Date of issue", "Issue date", "Date", "Invoice dated", "Invoice issue date"],
        due=["Due Date", "Payment due", "Due", "Pay by", "Payment due by", "Due on", "Please pay by", "Due for payment"],
        delivery=["Delivery date", "Ship date", "Date of supply", "Service date"],
        po=["PO Number", "Purchase Order", "Your order", "Customer PO", "Your PO no.", "Order ref.", "P.O. No.", "Purchase order no."],
        custno=["Customer No.", "Account No.", "Customer ID", "Client ref."],
        subtotal=["Subtotal", "Net amount", "Net total", "Total excl. VAT", "Amount before tax", "Sub Total"],
        tax=["VAT {rate}", "Tax ({rate})", "VAT @ {rate}", "Sales tax {rate}"],
        taxtotal=["Total VAT", "Total tax", "VAT total"],
        total=["Total", "Grand total", "Invoice total", "Total amount", "Total incl. VAT"],
        amountdue=["Amount due", "Balance due", "Total due", "Amount payable"],
        deposit=["Less deposit", "Paid to date", "Deposit received", "Payments/credits"],
        vat=["VAT No.", "VAT Reg. No.", "VAT registration no.", "VAT ID"],
        custvat=["Customer VAT No.", "Your VAT no.", "Client VAT"],
        payref=["Payment reference", "Please quote", "Remittance ref."],
        billto=["Bill to", "Invoice to", "Billed to", "Customer", "Sold to"],
        shipto=["Ship to", "Deliver to"],
        seller=["From", "Supplier"],
        reg=["Company No.", "Registered in England No.", "Reg. no."],
        items=["Description", "Qty", "Unit price", "Amount", "Item", "VAT"],
        page="Page {p} of {n}", currency="All amounts in {cur}",
        notes="Thank you for your business. Quote Q-{q} of {d} is superseded by this invoice. "
              "A late fee of {a} applies to payments received after 30 days.",
        rc="Reverse charge: VAT to be accounted for by the recipient.",
        bank="Bank details", terms="Payment terms: 30 days net"),
    "de": dict(
        title=["Rechnung", "RECHNUNG"],
        number=["Rechnungsnummer", "Rechnungs-Nr.", "Beleg-Nr.", "Rechnung Nr.", "Dokument-Nr.", "Nr."],
        date=["Rechnungsdatum", "Datum", "Belegdatum", "Ausstellungsdatum"],
        due=["Zahlungsziel", "Fällig am", "Zahlbar bis", "Fälligkeitsdatum", "Zahlungsfrist bis", "Fällig zum"],
        delivery=["Leistungsdatum", "Lieferdatum", "Liefer-/Leistungsdatum"],
        po=["Ihre Bestellung", "Bestell-Nr.", "Ihr Auftrag", "Ihre Bestellnummer", "Bestellzeichen"],
        custno=["Kunden-Nr.", "Kundennummer", "Debitor"],
        subtotal=["Nettobetrag", "Summe netto", "Zwischensumme", "Warenwert netto", "Gesamt netto", "Nettosumme"],
        tax=["MwSt. {rate}", "zzgl. {rate} USt.", "Umsatzsteuer {rate}", "{rate} MwSt."],
        taxtotal=["Summe MwSt.", "USt. gesamt", "Steuerbetrag"],
        total=["Endbetrag", "Gesamtbetrag", "Rechnungsbetrag", "Bruttobetrag", "Gesamtsumme", "Rechnungsendbetrag"],
        amountdue=["Zahlbetrag", "Noch zu zahlen", "Offener Betrag"],
        deposit=["Abzüglich Anzahlung", "Anzahlung erhalten", "abzgl. Abschlagszahlung"],
        vat=["USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"],
        custvat=["Ihre USt-IdNr.", "USt-IdNr. Kunde"],
        payref=["Verwendungszweck", "Zahlungsreferenz"],
        billto=["Rechnungsempfänger", "Rechnung an", "Kunde"],
        shipto=["Lieferadresse", "Lieferanschrift"],
        seller=["Absender", "Lieferant"],
        reg=["Steuernummer", "Handelsregister", "Amtsgericht"],
        items=["Bezeichnung", "Menge", "Einzelpreis", "Gesamt", "Pos.", "MwSt."],
        page="Seite {p} von {n}", currency="Alle Beträge in {cur}",
        notes="Vielen Dank für Ihren Auftrag. Angebot Q-{q} vom {d} ist hiermit erledigt. "
              "Bei Zahlungsverzug berechnen wir eine Mahngebühr von {a}.",
        rc="Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).",
        bank="Bankverbindung", terms="Zahlbar innerhalb von 30 Tagen ohne Abzug"),
    "fr": dict(
        title=["FACTURE", "Facture"],
        number=["Facture n°", "N° de facture", "Numéro de facture", "Réf. facture", "N° document", "N°"],
        date=["Date de facture", "Date d'émission", "Date", "Émise le"],
        due=["Échéance", "Date d'échéance", "À payer avant le", "Date limite de paiement", "Date de règlement", "Date d'exigibilité"],
        delivery=["Date de livraison", "Date de prestation"],
        po=["Votre commande", "N° de commande", "Bon de commande", "Réf. commande"],
        custno=["Code client", "N° client", "Réf. client"],
        subtotal=["Montant HT", "Total HT", "Sous-total HT", "Base HT"],
        tax=["TVA {rate}", "TVA ({rate})"],
        taxtotal=["Total TVA", "Montant TVA"],
        total=["Montant TTC", "Total TTC", "Total facture"],
        amountdue=["Net à payer", "Reste à payer", "Solde dû", "Montant net à payer"],
        deposit=["Acompte versé", "Acompte reçu", "Déjà réglé"],
        vat=["N° TVA intracommunautaire", "TVA intracom.", "N° TVA"],
        custvat=["N° TVA client", "TVA client"],
        payref=["Référence de paiement", "Réf. virement"],
        billto=["Facturé à", "Client", "Adresse de facturation", "Destinataire"],
        shipto=["Adresse de livraison", "Livrer à"],
        seller=["Émetteur", "Fournisseur"],
        reg=["SIRET", "RCS", "Capital social"],
        items=["Désignation", "Qté", "Prix unitaire HT", "Montant HT", "Réf.", "TVA"],
        page="Page {p} sur {n}", currency="Montants exprimés en {cur}",
        notes="Merci de votre confiance. Le devis Q-{q} du {d} est remplacé par la présente facture. "
              "Indemnité forfaitaire pour frais de recouvrement : {a}.",
        rc="Autoliquidation : TVA due par le preneur (art. 283-2 du CGI).",
        bank="Coordonnées bancaires", terms="Paiement à 30 jours"),
    "nl": dict(
        title=["Factuur", "FACTUUR"],
        number=["Factuurnummer", "Factuurnr.", "Factuur nr.", "Nummer", "Nr."],
        date=["Factuurdatum", "Datum"],
        due=["Vervaldatum", "Te betalen vóór", "Uiterste betaaldatum"],
        delivery=["Leverdatum", "Leveringsdatum"],
        po=["Uw referentie", "Uw ordernummer", "Inkoopordernummer", "Uw kenmerk", "Inkoopnummer"],
        custno=["Klantnummer", "Debiteurnummer"],
        subtotal=["Subtotaal", "Totaal excl. btw", "Bedrag excl. btw"],
        tax=["Btw {rate}", "{rate} btw", "Btw ({rate})"],
        taxtotal=["Totaal btw", "Btw-bedrag"],
        total=["Totaal incl. btw", "Totaalbedrag", "Totaal"],
        amountdue=["Te betalen", "Openstaand bedrag", "Nog te betalen"],
        deposit=["Reeds betaald", "Aanbetaling"],
        vat=["Btw-nummer", "Btw-nr.", "BTW-id"],
        custvat=["Btw-nummer klant", "Uw btw-nummer"],
        payref=["Betalingskenmerk", "Kenmerk"],
        billto=["Factuuradres", "Aan", "Klant", "Factuur aan"],
        shipto=["Afleveradres"],
        seller=["Van", "Leverancier"],
        reg=["KvK", "KvK-nummer"],
        items=["Omschrijving", "Aantal", "Prijs", "Bedrag", "Art.nr.", "Btw"],
        page="Pagina {p} van {n}", currency="Bedragen in {cur}",
        notes="Bedankt voor uw opdracht. Offerte Q-{q} van {d} vervalt hiermee. "
              "Bij te late betaling brengen wij {a} administratiekosten in rekening.",
        rc="Btw verlegd.",
        bank="Bankgegevens", terms="Betaling binnen 30 dagen"),
    "sv": dict(
        title=["Faktura", "FAKTURA"],
        number=["Fakturanummer", "Fakturanr", "Faktura nr", "Nr"],
        date=["Fakturadatum", "Datum"],
        due=["Förfallodatum", "Förfallodag", "Betalas senast"],
        delivery=["Leveransdatum"],
        po=["Er referens", "Ert ordernr", "Er beställning", "Beställningsnr"],
        custno=["Kundnummer", "Kundnr"],
        subtotal=["Summa exkl. moms", "Netto", "Belopp exkl. moms"],
        tax=["Moms {rate}"],
        taxtotal=["Momsbelopp", "Summa moms"],
        total=["Summa inkl. moms", "Totalt", "Fakturabelopp"],
        amountdue=["Att betala", "Summa att betala"],
        deposit=["Avgår förskott", "Redan betalt"],
        vat=["Momsreg.nr", "Momsregistreringsnummer", "VAT-nr"],
        custvat=["Ert momsreg.nr"],
        payref=["OCR", "OCR-nummer"],
        billto=["Fakturaadress", "Kund", "Faktureras till"],
        shipto=["Leveransadress"],
        seller=["Säljare"],
        reg=["Org.nr", "Organisationsnummer"],
        items=["Benämning", "Antal", "À-pris", "Belopp", "Art.nr", "Moms"],
        page="Sida {p} av {n}", currency="Alla belopp i {cur}",
        notes="Tack för din beställning. Offert Q-{q} daterad {d} ersätts av denna faktura. "
              "Vid försenad betalning debiteras en påminnelseavgift på {a}.",
        rc="Omvänd skattskyldighet.",
        bank="Betalningsuppgifter", terms="Betalningsvillkor 30 dagar netto"),
    "es": dict(
        title=["Factura", "FACTURA"],
        number=["Nº de factura", "Factura nº", "Número de factura", "Nº factura", "Nº"],
        date=["Fecha de emisión", "Fecha factura", "Fecha", "Fecha expedición"],
        due=["Vencimiento", "Fecha de vencimiento", "Fecha de pago", "Vto."],
        delivery=["Fecha de entrega", "Fecha de operación"],
        po=["Su pedido", "Nº de pedido", "Su referencia"],
        custno=["Nº cliente", "Código cliente"],
        subtotal=["Base imponible", "Importe neto", "Subtotal"],
        tax=["IVA {rate}", "IVA ({rate})"],
        taxtotal=["Cuota IVA", "Total IVA"],
        total=["Importe total", "Total factura", "Total"],
        amountdue=["Total a pagar", "Importe pendiente"],
        deposit=["Anticipo", "Entrega a cuenta"],
        vat=["NIF", "CIF", "NIF-IVA"],
        custvat=["NIF cliente", "CIF cliente"],
        payref=["Referencia de pago"],
        billto=["Cliente", "Facturar a", "Datos del cliente"],
        shipto=["Dirección de entrega"],
        seller=["Emisor", "Proveedor"],
        reg=["Registro Mercantil", "Inscrita en el Registro Mercantil"],
        items=["Concepto", "Cant.", "Precio", "Importe", "Ref.", "IVA"],
        page="Página {p} de {n}", currency="Importes en {cur}",
        notes="Gracias por su confianza. El presupuesto Q-{q} del {d} queda sustituido por esta factura. "
              "Los pagos fuera de plazo generan un recargo de {a}.",
        rc="Inversión del sujeto pasivo.",
        bank="Datos bancarios", terms="Pago a 30 días"),
    "it": dict(
        title=["Fattura", "FATTURA"],
        number=["Fattura n.", "Numero fattura", "N. documento", "Numero documento", "N."],
        date=["Data fattura", "Data documento", "Data emissione", "Data"],
        due=["Scadenza", "Data scadenza", "Scadenza pagamento", "Data scadenza pagamento", "Data scad."],
        delivery=["Data consegna", "Data DDT"],
        po=["Vs. ordine", "Rif. ordine", "Vostro ordine n."],
        custno=["Cod. cliente", "Codice cliente"],
        subtotal=["Imponibile", "Totale imponibile"],
        tax=["IVA {rate}", "IVA ({rate})"],
        taxtotal=["Totale IVA", "Imposta"],
        total=["Totale documento", "Totale fattura", "Totale"],
        amountdue=["Netto a pagare", "Totale da pagare"],
        deposit=["Acconto", "Acconto versato"],
        vat=["Partita IVA", "P.IVA", "P. IVA"],
        custvat=["P.IVA cliente"],
        payref=["Riferimento pagamento"],
        billto=["Spett.le", "Cliente", "Destinatario"],
        shipto=["Destinazione merce"],
        seller=["Cedente", "Fornitore"],
        reg=["Codice fiscale", "REA", "Capitale sociale"],
        items=["Descrizione", "Q.tà", "Prezzo unit.", "Importo", "Cod.", "IVA"],
        page="Pagina {p} di {n}", currency="Importi in {cur}",
        notes="Grazie per averci scelto. Il preventivo Q-{q} del {d} è sostituito dalla presente fattura. "
              "In caso di ritardato pagamento sarà addebitata una penale di {a}.",
        rc="Inversione contabile (reverse charge).",
        bank="Coordinate bancarie", terms="Pagamento a 30 giorni data fattura"),
    "da": dict(
        title=["Faktura", "FAKTURA"],
        number=["Fakturanr.", "Fakturanummer", "Faktura nr.", "Nr."],
        date=["Fakturadato", "Dato"],
        due=["Forfaldsdato", "Betalingsfrist", "Forfald"],
        delivery=["Leveringsdato"],
        po=["Jeres ordrenr.", "Rekvisitionsnr.", "Jeres reference"],
        custno=["Kundenr.", "Kundenummer"],
        subtotal=["Subtotal", "Beløb ekskl. moms", "Netto"],
        tax=["Moms {rate}"],
        taxtotal=["Moms i alt", "Momsbeløb"],
        total=["Total inkl. moms", "I alt", "Beløb i alt"],
        amountdue=["At betale", "Til betaling"],
        deposit=["Forudbetalt", "Acontobetaling"],
        vat=["CVR-nr.", "Momsnr.", "SE-nr."],
        custvat=["Kundens CVR-nr.", "Jeres CVR-nr."],
        payref=["Betalingsreference"],
        billto=["Faktureres til", "Kunde", "Til"],
        shipto=["Leveringsadresse"],
        seller=["Sælger", "Fra"],
        reg=["Reg.nr.", "Kontonr."],
        items=["Beskrivelse", "Antal", "Stk.pris", "Beløb", "Varenr.", "Moms"],
        page="Side {p} af {n}", currency="Alle beløb i {cur}",
        notes="Tak for handlen. Tilbud Q-{q} af {d} erstattes af denne faktura. "
              "Ved for sen betaling opkræves et rykkergebyr på {a}.",
        rc="Omvendt betalingspligt.",
        bank="Bankoplysninger", terms="Netto 30 dage"),
    "nb": dict(
        title=["Faktura", "FAKTURA"],
        number=["Fakturanr.", "Fakturanummer", "Nr."],
        date=["Fakturadato", "Dato"],
        due=["Forfallsdato", "Forfall", "Betalingsfrist"],
        delivery=["Leveringsdato"],
        po=["Deres ref.", "Deres bestillingsnr.", "Bestillingsnr."],
        custno=["Kundenr.", "Kundenummer"],
        subtotal=["Sum eks. mva", "Netto", "Beløp eks. mva"],
        tax=["MVA {rate}", "Mva {rate}"],
        taxtotal=["Sum mva", "Merverdiavgift"],
        total=["Sum inkl. mva", "Totalt", "Fakturabeløp"],
        amountdue=["Å betale", "Beløp å betale"],
        deposit=["Forskudd", "Innbetalt forskudd"],
        vat=["Org.nr.", "MVA-nr.", "Foretaksnr."],
        custvat=["Kundens org.nr."],
        payref=["KID", "KID-nr.", "KID-nummer"],
        billto=["Faktureres til", "Kunde", "Til"],
        shipto=["Leveringsadresse"],
        seller=["Selger", "Fra"],
        reg=["Foretaksregisteret"],
        items=["Beskrivelse", "Antall", "Enhetspris", "Beløp", "Varenr.", "Mva"],
        page="Side {p} av {n}", currency="Alle beløp i {cur}",
        notes="Takk for handelen. Tilbud Q-{q} datert {d} erstattes av denne fakturaen. "
              "Ved forsinket betaling påløper et purregebyr på {a}.",
        rc="Omvendt avgiftsplikt.",
        bank="Betalingsinformasjon", terms="Betalingsbetingelser 30 dager netto"),
    "pt": dict(
        title=["Fatura", "FATURA"],
        number=["Fatura n.º", "N.º Fatura", "Número da fatura", "Fatura nº", "N.º"],
        date=["Data da fatura", "Data de emissão", "Data"],
        due=["Data de vencimento", "Vencimento"],
        delivery=["Data de entrega"],
        po=["Sua encomenda", "N.º encomenda", "V/ Ref.", "Requisição"],
        custno=["N.º cliente", "Cliente n.º"],
        subtotal=["Total ilíquido", "Base tributável", "Valor sem IVA"],
        tax=["IVA {rate}", "IVA ({rate})"],
        taxtotal=["Total IVA"],
        total=["Total c/ IVA", "Valor total", "Total"],
        amountdue=["Total a pagar", "Valor em dívida"],
        deposit=["Adiantamento", "Pagamento antecipado"],
        vat=["NIF", "Contribuinte n.º", "NIPC"],
        custvat=["NIF cliente", "Contribuinte cliente"],
        payref=["Referência de pagamento"],
        billto=["Cliente", "Exmo.(s) Sr.(s)", "Faturar a"],
        shipto=["Local de descarga"],
        seller=["Fornecedor"],
        reg=["Capital social", "Conservatória do Registo Comercial"],
        items=["Descrição", "Qtd.", "Preço unit.", "Valor", "Ref.", "IVA"],
        page="Página {p} de {n}", currency="Valores em {cur}",
        notes="Obrigado pela sua preferência. O orçamento Q-{q} de {d} é substituído por esta fatura. "
              "Pagamentos em atraso estão sujeitos a uma penalização de {a}.",
        rc="IVA - autoliquidação.",
        bank="Dados bancários", terms="Pagamento a 30 dias"),
    "pl": dict(
        title=["Faktura VAT", "FAKTURA"],
        number=["Faktura VAT nr", "Numer faktury", "Nr faktury", "Nr"],
        date=["Data wystawienia", "Data faktury"],
        due=["Termin płatności", "Data płatności"],
        delivery=["Data sprzedaży", "Data dostawy"],
        po=["Nr zamówienia", "Zamówienie"],
        custno=["Nr klienta"],
        subtotal=["Wartość netto", "Razem netto", "Suma netto"],
        tax=["VAT {rate}"],
        taxtotal=["Kwota VAT", "Razem VAT"],
        total=["Wartość brutto", "Razem brutto"],
        amountdue=["Do zapłaty", "Pozostało do zapłaty"],
        deposit=["Zaliczka", "Zapłacono"],
        vat=["NIP", "NIP UE"],
        custvat=["NIP nabywcy"],
        payref=["Tytuł przelewu"],
        billto=["Nabywca", "Odbiorca"],
        shipto=["Miejsce dostawy"],
        seller=["Sprzedawca"],
        reg=["KRS", "REGON"],
        items=["Nazwa towaru lub usługi", "Ilość", "Cena netto", "Wartość netto", "Lp.", "VAT"],
        page="Strona {p} z {n}", currency="Kwoty w {cur}",
        notes="Dziękujemy za zamówienie. Oferta Q-{q} z dnia {d} traci ważność. "
              "Za opóźnienie w płatności naliczamy opłatę {a}.",
        rc="Odwrotne obciążenie.",
        bank="Dane do przelewu", terms="Płatność 30 dni"),
}
# (items total before the discount, discount) labels: the net after the discount is the Subtotal.
DISCOUNT = {"en": ("Items total", "Discount"), "de": ("Summe Positionen", "Rabatt"), "fr": ("Total brut HT", "Remise"),
            "nl": ("Totaal artikelen", "Korting"), "sv": ("Summa artiklar", "Rabatt"), "es": ("Suma", "Descuento"),
            "it": ("Totale merce", "Sconto"), "da": ("Varer i alt", "Rabat"), "nb": ("Sum varer", "Rabatt"),
            "pt": ("Soma", "Desconto"), "pl": ("Suma pozycji", "Rabat")}
# Due date given inside the payment terms: (label, value with {n} days and {d} the date).
TERMS_WITH_DATE = {
    "en": ("Payment terms", "{n} days net, due {d}"), "de": ("Zahlungsbedingungen", "{n} Tage netto, fällig am {d}"),
    "fr": ("Conditions de paiement", "{n} jours net, échéance le {d}"), "nl": ("Betalingsvoorwaarden", "{n} dagen netto, vervaldatum {d}"),
    "sv": ("Betalningsvillkor", "{n} dagar netto, förfallodatum {d}"), "es": ("Condiciones de pago", "{n} días, vencimiento {d}"),
    "it": ("Condizioni di pagamento", "{n} gg d.f., scadenza {d}"), "da": ("Betalingsbetingelser", "netto {n} dage, forfald {d}"),
    "nb": ("Betalingsbetingelser", "{n} dager netto, forfall {d}"), "pt": ("Condições de pagamento", "{n} dias, vencimento {d}"),
    "pl": ("Warunki płatności", "przelew {n} dni, termin {d}")}
# The word of a total row closing the line-item table (the net, when VAT follows below).
TABLE_TOTAL = {"en": "Total", "de": "Summe", "fr": "Total", "nl": "Totaal", "sv": "Summa", "es": "Total", "it": "Totale",
               "da": "I alt", "nb": "Sum", "pt": "Total", "pl": "Razem"}
# `Invoice 123 dated 5 March 2024`: the date joined to the number in the title.
TITLE_DATE = {"en": "dated", "de": "vom", "fr": "du", "it": "del", "nl": "d.d.", "es": "de fecha"}
# A contact line under the customer's name.
ATTENTION = {"en": "Attn: Accounts Payable", "de": "z. Hd. Frau Keller", "fr": "À l'attention de M. Martin",
             "nl": "T.a.v. de crediteurenadministratie", "sv": "Att: Ekonomiavdelningen", "es": "A la atención de Sra. López",
             "it": "Alla c.a. Ufficio Amministrazione", "da": "Att.: Bogholderiet", "nb": "Att.: Regnskap",
             "pt": "A/C Departamento Financeiro", "pl": "Do rąk: Dział Księgowości"}
US_EXTRAS = [("Terms", "Net 30"), ("Ship via", "UPS Ground"), ("Sales rep", "J. Miller"), ("FOB", "Origin")]
CURRENCY_LABEL = {"en": "Currency", "de": "Währung", "fr": "Devise", "nl": "Valuta", "sv": "Valuta", "es": "Moneda",
                  "it": "Valuta", "da": "Valuta", "nb": "Valuta", "pt": "Moeda", "pl": "Waluta"}
SWISS_VAT_LABELS = {"de": ["MWST-Nr.", "UID", "MWST"], "fr": ["N° TVA", "IDE/TVA", "No TVA"]}
# Wordings used only by the `unseen` set and deliberately kept out of the extractor's lexicon:
# that set measures how the extractor copes with labels nobody has tuned for.
UNSEEN = {
    "en": dict(number=["Invoice Ref No", "Bill #"], date=["Date of Bill", "Invoice Created"], due=["Settle by", "Remit by"],
               total=["Total Invoice Value"], subtotal=["Value of goods", "Total net value"], po=["Client PO#", "Order Number (PO)"]),
    "de": dict(number=["Beleg Nr."], date=["Rechnungstag", "Datum der Ausstellung"], due=["Zahlungseingang bis", "Fälligkeit am"],
               total=["Zu zahlender Gesamtbetrag", "Rechnungssumme brutto"], subtotal=["Nettowert"], po=["Ihre Auftragsnummer"]),
    "fr": dict(number=["N° pièce"], date=["Date pièce", "Établie le"], due=["Règlement avant le"], total=["Total à payer TTC"],
               subtotal=["Montant total HT"], po=["Référence de commande client"]),
    "es": dict(number=["Serie-Número"], date=["Fecha de la factura"], due=["Fecha límite"], total=["Total factura con IVA"],
               subtotal=["Base imp."], po=["Referencia de su pedido"]),
    "it": dict(number=["Documento n."], date=["Data del documento"], due=["Scadenza rata"], total=["Totale da saldare"],
               subtotal=["Imponibile merce"], po=["Vs. riferimento ordine"]),
    "nl": dict(number=["Factuur-nr"], date=["Datum van de factuur"], due=["Uiterlijke betaaldatum", "Betalen uiterlijk"],
               total=["Totaal factuurbedrag"], subtotal=["Netto totaal"], po=["Uw inkoopnummer"]),
    "sv": dict(number=["Fakt.nr"], date=["Fakt.datum"], due=["Förf.datum"], total=["Totalsumma"], subtotal=["Nettosumma"],
               po=["Er ordernr"]),
    "da": dict(number=["Faktura-nr."], date=["Faktureringsdato"], due=["Sidste frist"], total=["Total at betale"],
               subtotal=["Varebeløb"], po=["Jeres rekv.nr."]),
    "nb": dict(number=["Faktura nr."], date=["Faktureringsdato"], due=["Siste betalingsdag"], total=["Totalbeløp inkl. mva"],
               subtotal=["Grunnlag mva"], po=["Deres ordrenr."]),
    "pt": dict(number=["Documento n.º"], date=["Data documento"], due=["Data limite de pagamento"], total=["Total do documento"],
               subtotal=["Total s/ IVA"], po=["Sua ref."]),
    "pl": dict(number=["Faktura numer"], date=["Data wyst."], due=["Płatność do"], total=["Ogółem do zapłaty"],
               subtotal=["Netto razem"], po=["Numer zamówienia klienta"]),
}
# Wordings the `tune` set uses now and then, also outside the lexicon: they are for improving
# how unknown labels are read (`LabelGuess`), and differ from UNSEEN so that set stays a measure.
UNKNOWN_TUNE = {
    "en": dict(number=["Billing No.", "Invoice Ident."], date=["Date raised", "Issued"], due=["Payment expected by", "Settlement date"],
               total=["Overall total"], subtotal=["Net sum", "Amount ex. tax"], po=["Buyer PO no.", "Requisition no."]),
    "de": dict(date=["Ausgestellt", "Datum Rechnung"], due=["Zahlung fällig"], total=["Summe gesamt brutto"], subtotal=["Netto-Summe"],
               po=["Bestell-Referenz"]),
    "fr": dict(date=["Émission"], due=["À régler au plus tard le"], total=["Total général TTC"], subtotal=["Net HT total"],
               po=["Réf. de votre commande"]),
    "es": dict(date=["Emitida"], due=["Fecha tope de pago"], total=["Total documento"], subtotal=["Suma neta"], po=["Pedido cliente nº"]),
    "it": dict(date=["Emessa in data"], due=["Termine di pagamento"], total=["Totale generale"], subtotal=["Netto merce"],
               po=["Ordine cliente n."]),
    "nl": dict(date=["Datum uitgifte"], due=["Betalen voor"], total=["Eindbedrag"], subtotal=["Netto bedrag totaal"],
               po=["Referentie bestelling"]),
    "sv": dict(date=["Utställd"], due=["Betala senast"], total=["Summa totalt"], subtotal=["Netto summa"], po=["Beställningsreferens"]),
    "da": dict(date=["Udstedt"], due=["Betal senest"], total=["Samlet beløb"], subtotal=["Netto i alt"], po=["Ordre ref."]),
    "nb": dict(date=["Utstedt"], due=["Betal innen"], total=["Samlet beløp"], subtotal=["Netto sum"], po=["Ordre ref."]),
    "pt": dict(date=["Emitida em"], due=["Pagar até"], total=["Total geral"], subtotal=["Valor líquido total"], po=["Ref. encomenda"]),
    "pl": dict(date=["Wystawiono"], due=["Zapłata w terminie"], total=["Suma brutto"], subtotal=["Netto łącznie"],
               po=["Zamówienie klienta nr"]),
}
US_LEX = dict(vat=["EIN", "Tax ID", "Federal Tax ID"], subtotal=["Subtotal", "Sub-total"],
              tax=["Sales tax {rate}", "Tax ({rate})", "Sales Tax"], total=["Total", "Invoice total", "Total (USD)"])

# ---------------------------------------------------------------------------------------------
# Parties and identifiers
# ---------------------------------------------------------------------------------------------

COMPANIES = {
    "GB": (["Harrow", "Pennine", "Thistle", "Marlow", "Kestrel", "Ashdown"], ["Joinery", "Print Works", "Analytics", "Catering"], ["Ltd", "Limited", "LLP", "PLC"]),
    "US": (["Redwood", "Lakeshore", "Summit", "Bayview", "Prairie", "Copperline"], ["Supply", "Software", "Logistics", "Labs"], ["LLC", "Inc.", "Corp.", "Co."]),
    "IE": (["Liffey", "Shannon", "Connacht", "Wicklow"], ["Design", "Engineering", "Foods"], ["Ltd", "Teoranta", "DAC"]),
    "DK": (["Hansen & Søn", "Nørgaard", "Fjordhus", "Vestergaard"], ["Byg", "Consult", "Design", "Logistik"], ["ApS", "A/S", "I/S"]),
    "NL": (["De Vries", "Van Dijk", "Zonnedal", "Bakker"], ["Techniek", "Installaties", "Media"], ["B.V.", "BV", "N.V."]),
    "DE": (["Müller", "Schäfer", "Weber", "Hofmann", "Brandt"], ["Haustechnik", "Metallbau", "Software", "Spedition"], ["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)"]),
    "CH": (["Brunner", "Alpenblick", "Keller", "Zürcher"], ["Treuhand", "Informatik", "Bau"], ["AG", "GmbH", "SA", "Sàrl"]),
    "FR": (["Dubois", "Lefèvre", "Atelier Moreau", "Garnier"], ["Conseil", "Bâtiment", "Services", "Imprimerie"], ["SAS", "SARL", "SA", "EURL"]),
    "SE": (["Bergström", "Lindqvist", "Nordvik", "Sjöberg"], ["Konsult", "Bygg", "Data", "Transport"], ["AB", "Aktiebolag", "HB"]),
    "ES": (["García", "Martínez", "Solana", "Ibérica"], ["Suministros", "Ingeniería", "Logística"], ["S.L.", "S.A.", "S.L.U."]),
    "IT": (["Rossi", "Bianchi", "Ferrari", "Colombo"], ["Impianti", "Forniture", "Servizi", "Meccanica"], ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."]),
    "NO": (["Fjordline", "Haugen", "Nordlys", "Bergen"], ["Logistikk", "Bygg", "Konsulent", "Marine"], ["AS", "ASA"]),
    "PT": (["Costa", "Ferreira", "Atlântico", "Lusitana"], ["Engenharia", "Comércio", "Serviços"], ["Lda.", "S.A.", "Unipessoal Lda."]),
    "PL": (["Kowalski", "Nowak", "Wisła", "Mazowsze"], ["Serwis", "Budownictwo", "Technologie"], ["Sp. z o.o.", "S.A.", "Sp.k."]),
    "FI": (["Virtanen", "Korhonen", "Saimaa"], ["Tekniikka", "Palvelut"], ["Oy", "Oyj"]),
    "BE": (["Peeters", "Janssens", "Maes"], ["Transport", "Bouw"], ["BV", "NV", "SRL"]),
}
CITIES = {
    "GB": ("{n} {s} Road", ["Leeds LS1 4AP", "Bristol BS1 5TR", "Norwich NR2 1QB"], "United Kingdom"),
    "US": ("{n} {s} Avenue", ["Portland, OR 97204", "Austin, TX 78701", "Madison, WI 53703"], "USA"),
    "IE": ("{n} {s} Street", ["Dublin 2, D02 X285", "Cork T12 RX84"], "Ireland"),
    "DK": ("{s}vej {n}", ["8000 Aarhus C", "2100 København Ø", "5000 Odense C"], "Danmark"),
    "NL": ("{s}straat {n}", ["3511 AB Utrecht", "1017 CE Amsterdam", "9711 LM Groningen"], "Nederland"),
    "DE": ("{s}straße {n}", ["80331 München", "50667 Köln", "04109 Leipzig"], "Deutschland"),
    "CH": ("{s}strasse {n}", ["8001 Zürich", "3011 Bern", "1204 Genève"], "Schweiz"),
    "FR": ("{n} rue des {s}", ["69002 Lyon", "33000 Bordeaux", "44000 Nantes"], "France"),
    "SE": ("{s}gatan {n}", ["411 19 Göteborg", "111 52 Stockholm", "211 22 Malmö"], "Sverige"),
    "ES": ("Calle {s}, {n}", ["28013 Madrid", "46002 Valencia", "41001 Sevilla"], "España"),
    "IT": ("Via {s} {n}", ["20121 Milano", "40121 Bologna", "10121 Torino"], "Italia"),
    "NO": ("{s}gata {n}", ["0150 Oslo", "5003 Bergen", "7011 Trondheim"], "Norge"),
    "PT": ("Rua {s}, {n}", ["1100-148 Lisboa", "4000-322 Porto"], "Portugal"),
    "PL": ("ul. {s} {n}", ["00-001 Warszawa", "30-001 Kraków", "80-001 Gdańsk"], "Polska"),
    "FI": ("{s}katu {n}", ["00100 Helsinki", "33100 Tampere"], "Suomi"),
    "BE": ("{s}laan {n}", ["2000 Antwerpen", "9000 Gent"], "België"),
}
STREETS = ["Linden", "Garten", "Mill", "Harbour", "Roma", "Oak", "Berg", "Mayor", "Church", "Station"]
IBAN_BBAN = {"GB": "AAAA" + "9" * 14, "IE": "AAAA" + "9" * 14, "DK": "9" * 14, "NL": "AAAA" + "9" * 10, "DE": "9" * 18,
             "CH": "9" * 17, "FR": "9" * 23, "SE": "9" * 20, "ES": "9" * 20, "IT": "A" + "9" * 22, "NO": "9" * 11,
             "PT": "9" * 21, "PL": "9" * 24, "FI": "9" * 14, "BE": "9" * 12}
BICS = {"GB": ["BARCGB22", "LOYDGB2L", "NWBKGB2L"], "IE": ["AIBKIE2D", "BOFIIE2D"], "DK": ["DABADKKK", "NDEADKKK"],
        "NL": ["INGBNL2A", "RABONL2U", "ABNANL2A"], "DE": ["COBADEFFXXX", "DEUTDEMMXXX", "GENODEF1S04"],
        "CH": ["UBSWCHZH80A", "ZKBKCHZZ80A", "POFICHBEXXX"], "FR": ["BNPAFRPPXXX", "CRLYFRPP", "AGRIFRPP882"],
        "SE": ["NDEASESS", "ESSESESS", "HANDSESS"], "ES": ["BSCHESMMXXX", "CAIXESBBXXX"], "IT": ["UNCRITMM", "BCITITMM"],
        "NO": ["DNBANOKK", "NDEANOKK"], "PT": ["BCOMPTPL", "CGDIPTPL"], "PL": ["PKOPPLPW", "BPKOPLPW"], "US": ["CHASUS33", "BOFAUS3N"]}


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def mod97_check(body_and_country):
    """ISO 7064 mod 97-10 check digits for `BBAN + CC` (IBAN) or `REF + RF` (creditor reference)."""
    numeric = "".join(str(int(c, 36)) for c in body_and_country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def make_iban(rng, country):
    bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c == "A" else rng.choice("0123456789")
                   for c in IBAN_BBAN[country])
    return country + mod97_check(bban + country) + bban


def luhn_digit(payload):
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def swiss_qr_reference(rng):
    """27 digits, recursive mod-10 check digit (Swiss QR-bill reference)."""
    table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
    payload = digits(rng, 26)
    carry = 0
    for c in payload:
        carry = table[(carry + int(c)) % 10]
    return payload + str((10 - carry) % 10)


def vat_id(rng, country):
    """(value as printed, normalised truth) for the seller's VAT id in `country`'s format."""
    d = lambda n: digits(rng, n)  # noqa: E731
    if country == "GB":
        body = d(9); return f"GB {body[:3]} {body[3:7]} {body[7:]}", "GB" + body
    if country == "US":
        v = f"{d(2)}-{d(7)}"; return v, v
    if country == "IE":
        body = d(7) + rng.choice("ABCDEFGHW"); return "IE" + body, "IE" + body
    if country == "CH":
        b = d(9); suffix = rng.choice(["MWST", "TVA"])
        return f"CHE-{b[:3]}.{b[3:6]}.{b[6:]} {suffix}", f"CHE{b}{suffix}"
    if country == "NO":
        b = d(9); return f"NO {b[:3]} {b[3:6]} {b[6:]} MVA", f"NO{b}MVA"
    if country == "NL":
        b = d(9); return f"NL{b}B0{rng.randint(1, 9)}", None
    if country == "FR":
        b = d(11); return f"FR {b[:2]} {b[2:]}", "FR" + b
    if country == "ES":
        b = rng.choice("ABP") + d(8); return "ES" + b, "ES" + b
    if country == "SE":
        b = d(10) + "01"; return "SE" + b, "SE" + b
    if country == "PL":
        b = d(10); return rng.choice([f"PL{b}", f"PL {b[:3]}-{b[3:6]}-{b[6:8]}-{b[8:]}"]), "PL" + b
    if country == "PT":
        b = d(9); return rng.choice([f"PT {b[:3]} {b[3:6]} {b[6:]}", f"PT{b}"]), "PT" + b
    if country == "DK":
        b = d(8); return rng.choice([f"DK{b}", f"DK {b[:2]} {b[2:4]} {b[4:6]} {b[6:]}"]), "DK" + b
    if country == "IT":
        b = d(11); return "IT" + b, "IT" + b
    lengths = {"DE": 9, "FI": 8, "BE": 10}
    b = d(lengths.get(country, 9)); return f"{country}{b}", f"{country}{b}"


def normalised(printed):
    return "".join(c for c in printed.upper() if c.isalnum())


def company(rng, country):
    first, trade, forms = COMPANIES[country]
    return f"{rng.choice(first)} {rng.choice(trade)} {rng.choice(forms)}"


def address(rng, country):
    street, cities, land = CITIES[country]
    line = street.format(n=rng.randint(1, 180), s=rng.choice(STREETS))
    if country == "US" and rng.random() < 0.3:
        line = f"P.O. Box {rng.randint(100, 9999)}"
    return [line, rng.choice(cities), land]


def city_of(address_lines):
    """`80331 München` → `München`, `Leeds LS1 4AP` → `Leeds`."""
    words = [w.strip(",") for w in address_lines[1].split() if not any(ch.isdigit() for ch in w) and len(w.strip(",")) >= 3]
    return words[0] if words else address_lines[1]


def place_and_date(inv):
    """The letter-style date line (`Köln, den 6. Juli 2024`) standing in for a date label."""
    den = {"de": " den", "fr": " le"}.get(inv.lang, "")
    return f"{city_of(inv.vendor_address)},{den} {inv.d(inv.date)}"


# ---------------------------------------------------------------------------------------------
# Value formatting
# ---------------------------------------------------------------------------------------------

def fmt_number(value, style):
    q = Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, frac = f"{abs(q):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:]); whole = whole[:-3]
    thousands = {"1,234.56": ",", "1.234,56": ".", "1 234,56": " ", "1\u00a0234,56": "\u00a0", "1\u202f234,56": "\u202f", "1'234.56": "'",
                 "1’234.56": "’", "1 234.56": " ", "1234.56": "", "1234,56": ""}[style]
    decimal = "," if style.endswith(",56") else "."
    return sign + thousands.join(groups) + decimal + frac


def fmt_money(value, inv, with_currency=True):
    if value < 0:
        positive = fmt_money(-value, inv, with_currency)
        return f"({positive})" if inv.negative_style == "paren" else "-" + positive
    text = fmt_number(value, inv.number_style)
    if not with_currency or inv.placement == "none":
        return text
    cur, sym = inv.currency, SYMBOLS[inv.currency]
    return {"sym_pre": sym + text if len(sym) == 1 else f"{sym} {text}", "sym_pre_sp": f"{sym} {text}",
            "sym_post": f"{text} {sym}", "code_pre": f"{cur} {text}", "code_post": f"{text} {cur}",
            "franc_pre": f"Fr. {text}"}[inv.placement]   # Swiss francs as shops print them


def fmt_date(d, style, lang):
    months = MONTHS[lang].split()
    month = months[d.month - 1]
    en_abbr = MONTHS["en"].split()[d.month - 1][:3]
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {
        "iso": d.isoformat(), "dd.mm.yyyy": d.strftime("%d.%m.%Y"), "d.m.yyyy": f"{d.day}.{d.month}.{d.year}",
        "dd.mm.yy": d.strftime("%d.%m.%y"), "dd/mm/yyyy": d.strftime("%d/%m/%Y"), "mm/dd/yyyy": d.strftime("%m/%d/%Y"),
        "m/d/yyyy": f"{d.month}/{d.day}/{d.year}", "dd-mm-yyyy": d.strftime("%d-%m-%Y"), "yyyy/mm/dd": d.strftime("%Y/%m/%d"),
        "dd-Mon-yyyy": f"{d.day:02d}-{en_abbr}-{d.year}", "d Mon yyyy": f"{d.day} {en_abbr} {d.year}",
        "Mon d, yyyy": f"{en_abbr} {d.day}, {d.year}", "month dth, yyyy": f"{month} {d.day}{suffix}, {d.year}",
        "d month yyyy": f"{d.day} {month} {d.year}", "d. month yyyy": f"{d.day}. {month} {d.year}",
        "d de month de yyyy": f"{d.day} de {month} de {d.year}", "d/m/yyyy": f"{d.day}/{d.month}/{d.year}",
        "DD MON YYYY": f"{d.day:02d} {en_abbr.upper()} {d.year}", "dth of month yyyy": f"{d.day}{suffix} of {month} {d.year}", "Mon d yyyy": f"{en_abbr} {d.day} {d.year}",
        "Weekday, d month yyyy": f"{d.strftime('%A')}, {d.day} {month} {d.year}",
        "Weekday, month d, yyyy": f"{d.strftime('%A')}, {month} {d.day}, {d.year}",
    }[style]


def fmt_rate(rate, inv):
    text = f"{Decimal(str(rate)).normalize():f}"
    if inv.number_style.endswith(",56"):
        text = text.replace(".", ",")
    return text + (" %" if inv.lang in ("fr", "de", "da", "nb", "sv", "pl") else "%")


def spaced(value, every=4):
    return " ".join(value[i:i + every] for i in range(0, len(value), every))


# ---------------------------------------------------------------------------------------------
# The invoice (values and truth)
# ---------------------------------------------------------------------------------------------

ITEMS = ["Consulting hours", "Installation", "Maintenance contract", "Licence renewal", "Spare parts kit", "Travel costs",
         "Training session", "Design work", "Cable set 5 m", "Support package", "Server rack", "Transport pallet"]
CUSTOMER_COUNTRIES = ["GB", "DE", "FR", "NL", "SE", "FI", "BE", "DK", "IT", "ES", "NO", "PT", "PL", "CH", "IE"]


class Invoice:
    def __init__(self, rng, locale, layout, producer, pages, unseen=False, unknown=False):
        self.rng, self.locale, self.layout, self.producer, self.layout_pages = rng, locale, layout, producer, pages
        self.lang, self.country, self.currency = locale.lang, locale.country, locale.currency
        lex = dict(LEX[self.lang], curlabel=CURRENCY_LABEL[self.lang])
        if self.country == "US":
            lex.update(US_LEX)
        if self.country == "CH":
            lex["vat"] = SWISS_VAT_LABELS[self.lang]
        if unseen:   # half of these labels in a wording the lexicon has never seen
            for key, words in UNSEEN[self.lang].items():
                if rng.random() < 0.5:
                    lex[key] = words
        if unknown:
            for key, words in UNKNOWN_TUNE[self.lang].items():
                if rng.random() < 0.25:
                    lex[key] = words
        # One wording per label for the whole document (item column names stay a list).
        self.lex = {k: (rng.choice(v) if isinstance(v, list) and k != "items" else v) for k, v in lex.items()}
        self.caps = rng.random() < 0.3
        self.number_style = rng.choice(locale.numbers)
        self.placement = rng.choice(locale.placements)
        self.date_style = rng.choice(locale.dates)
        self.hard = []
        self.vendor = company(rng, self.country)
        self.vendor_address = address(rng, self.country)
        foreign = rng.random() < 0.35 and self.country not in ("US",)
        self.customer_country = rng.choice(CUSTOMER_COUNTRIES) if foreign else self.country
        self.customer = company(rng, self.customer_country)
        while self.customer.split()[0] == self.vendor.split()[0]:
            self.customer = company(rng, self.customer_country)
        self.customer_address = address(rng, self.customer_country)
        year = rng.choice([2024, 2025])
        self.date = date(year, rng.randint(1, 12), rng.randint(1, 28))
        self.due = self.date + timedelta(days=rng.choice([10, 14, 21, 30, 45, 60]))
        self.delivery = self.date - timedelta(days=rng.randint(1, 12)) if rng.random() < 0.4 else None
        self.show_due = rng.random() < 0.85
        self.number = rng.choice([f"INV-{year}-{digits(rng, 4)}", f"{year}/{digits(rng, 4)}", f"F{year}-{digits(rng, 5)}",
                                  f"{digits(rng, 6)}", f"{str(year)[2:]}-{digits(rng, 5)}", f"RE{digits(rng, 5)}",
                                  f"FV/{rng.randint(1, 300)}/{self.date.month:02d}/{year}" if self.lang == "pl" else f"A{digits(rng, 5)}"])
        self.po = rng.choice([f"PO-{digits(rng, 5)}", f"45{digits(rng, 8)}", f"ORD/{year}/{digits(rng, 4)}", f"B-{digits(rng, 5)}"]) \
            if rng.random() < 0.6 else None
        self.custno = rng.choice([f"K-{digits(rng, 5)}", f"C{digits(rng, 5)}", digits(rng, 6)]) if rng.random() < 0.6 else None
        self.vat_printed, vat_truth = vat_id(rng, self.country)
        if vat_truth is None:
            vat_truth = normalised(self.vat_printed)
        self.vat_truth = vat_truth
        self.show_vat = self.country != "US" or rng.random() < 0.5
        self.customer_vat = vat_id(rng, self.customer_country)[0] if self.customer_country != "US" and rng.random() < 0.4 else None
        self.iban = make_iban(rng, self.country) if self.country != "US" else None
        self.bic = rng.choice(BICS[self.country]) if rng.random() < 0.85 else None
        self.bankgiro = None
        self.payref = self.make_payref()
        self.make_lines()

    def make_payref(self):
        rng = self.rng
        if self.country == "SE":
            number = str(rng.randint(100000, 9999999))   # 7 or 8 digits, the last a Luhn check digit
            number += luhn_digit(number)
            self.bankgiro = f"{number[:-4]}-{number[-4:]}"
            if rng.random() < 0.7:
                payload = digits(rng, rng.randint(8, 12)); return payload + luhn_digit(payload)
            return None
        if self.country == "NO" and rng.random() < 0.7:
            payload = digits(rng, rng.randint(8, 14)); return payload + luhn_digit(payload)
        if self.country == "CH" and rng.random() < 0.5:
            return swiss_qr_reference(rng)
        if self.country != "US" and rng.random() < 0.35:
            ref = digits(rng, rng.randint(8, 14))
            return "RF" + mod97_check(ref + "RF") + ref
        return None

    def make_lines(self):
        rng = self.rng
        rates = self.locale.vat_rates
        self.reverse_charge = self.customer_country != self.country and self.country not in ("US", "CH", "NO") \
            and rng.random() < 0.4
        self.discount_rate = rng.choice([3, 5, 10]) if rng.random() < 0.15 else 0
        multi = len(rates) > 1 and rates[1] > 0 and not self.reverse_charge and self.country != "US" and rng.random() < 0.3
        count = rng.randint(34, 46) if self.layout_pages == 2 else rng.randint(2, 7)
        main_rate = 0 if self.reverse_charge else rates[0] if self.country != "US" else rng.choice(rates)
        self.lines = []
        for i in range(count):
            qty = rng.choice([1, 1, 2, 3, 5, 10, 12, 40])
            price = Decimal(rng.randint(500, 250000)) / 100 if count < 10 else Decimal(rng.randint(500, 30000)) / 100
            rate = rates[1] if multi and i % 3 == 2 else main_rate
            self.lines.append((rng.choice(ITEMS), qty, price, (price * qty).quantize(Decimal("0.01")), rate))
        self.items_total = sum(a for *_, a, _ in self.lines)
        factor = 1 - Decimal(self.discount_rate) / 100
        by_rate = {}
        for *_, amount, rate in self.lines:
            by_rate[rate] = by_rate.get(rate, Decimal(0)) + amount
        # A document discount lowers the net per rate; the net after it is the Subtotal.
        by_rate = {r: (net * factor).quantize(Decimal("0.01"), ROUND_HALF_UP) for r, net in by_rate.items()}
        self.tax_by_rate = {r: (net, (net * Decimal(str(r)) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP))
                            for r, net in sorted(by_rate.items(), reverse=True)}
        self.subtotal = sum(net for net, _ in self.tax_by_rate.values())
        self.tax = sum(t for _, t in self.tax_by_rate.values())
        self.total = self.subtotal + self.tax
        self.deposit = (self.total * Decimal(rng.choice([20, 30, 50])) / 100).quantize(Decimal("1")) \
            if rng.random() < 0.2 else None
        self.vat_included_only = self.country not in ("US",) and not multi and not self.reverse_charge \
            and not self.discount_rate and rng.random() < 0.08
        self.negative_style = rng.choice(["minus", "paren"]) if self.lang == "en" else "minus"
        self.buyer_vat_same_label = rng.random() < 0.5
        self.amount_due_box = rng.random() < 0.4
        self.remittance_stub = rng.random() < 0.3
        self.currency_column = rng.random() < 0.4
        self.right_aligned_labels = rng.random() < 0.5
        self.wrapped_header_labels = rng.random() < 0.4
        self.bilingual = self.lang != "en" and self.country in ("CH", "DK", "NL", "SE", "NO") and rng.random() < 0.35
        self.place_date = self.layout in ("rightbox", "leaders") and rng.random() < 0.25
        # (not in header-row cells: the sentence would run into the next column)
        self.terms_with_date = self.show_due and rng.random() < 0.15 and self.layout != "headerrow"
        self.table_total = not self.discount_rate and not self.vat_included_only and rng.random() < 0.2
        self.total_label_currency = self.placement != "none" and rng.random() < 0.2
        self.logo_only = self.layout in ("rightbox", "inline") and rng.random() < 0.3
        self.vat_unlabelled = rng.random() < 0.3
        self.title_date = self.layout == "banner" and self.lang in TITLE_DATE and rng.random() < 0.4
        # Swiss and German letters often put the address window on the right.
        self.window_right = rng.random() < (0.5 if self.country in ("CH", "DE") else 0.15)
        self.total_column = self.lang == "en" and rng.random() < 0.3    # `Total` heads the line amounts
        self.vat_amount_column = self.country in ("GB", "IE") and rng.random() < 0.5
        self.attention_line = rng.random() < 0.3
        self.sender_separator = rng.choice([" · ", " | ", ", ", " - ", " • "])
        self.spaced_title = rng.random() < 0.15
        for flag, on in [("multi_vat", multi), ("reverse_charge", self.reverse_charge), ("total_vs_due", self.deposit),
                         ("customer_vat", self.customer_vat), ("delivery_date", self.delivery), ("two_pages", count > 30),
                         ("discount", self.discount_rate)]:
            if on:
                self.hard.append(flag)

    def label(self, key, **kw):
        text = self.lex[key].format(**kw)
        if key == "title" and self.spaced_title and " " not in text:   # `I N V O I C E`
            return " ".join(text.upper())
        if self.bilingual and key in ("number", "date", "due", "po", "custno", "delivery"):
            text += " / " + LEX["en"][key][0]   # `Fakturanr. / Invoice No.`
        return text.upper() if self.caps else text

    def d(self, value):
        return fmt_date(value, self.date_style, self.lang)

    def truth(self):
        f = {"InvoiceNumber": self.number, "InvoiceDate": self.date.isoformat()}
        if self.show_due:
            f["DueDate"] = self.due.isoformat()
        f["TotalAmount"] = f"{self.total:.2f}"
        if not self.vat_included_only:
            f["Subtotal"] = f"{self.subtotal:.2f}"
        f["TaxAmount"] = f"{self.tax:.2f}"
        f["Currency"] = self.currency
        f["VendorName"] = self.vendor
        f["CustomerName"] = self.customer
        if self.show_vat:
            f["VendorTaxId"] = self.vat_truth
        if self.iban:
            f["IBAN"] = self.iban
        if self.bic:
            f["BIC"] = self.bic
        if self.payref:
            f["PaymentReference"] = self.payref
        if self.bankgiro:
            f["Bankgiro"] = self.bankgiro
        if self.po:
            f["PurchaseOrder"] = self.po
        return f


# ---------------------------------------------------------------------------------------------
# Page model and layouts (coordinates in mm from the top-left corner)
# ---------------------------------------------------------------------------------------------

def text_width(text, size, bold=False):
    """Width in mm, measured with DejaVu Sans, the widest font any producer uses (so dot leaders
    never run into the value)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    name = "DejaVuMeasure-Bold" if bold else "DejaVuMeasure"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")))
    return pdfmetrics.stringWidth(text, name, size) * 25.4 / 72


class Canvas:
    def __init__(self, paper):
        self.width, self.height = (215.9, 279.4) if paper == "Letter" else (210.0, 297.0)
        self.pages = [[]]

    def text(self, x, y, s, size=9, bold=False, align="l"):
        if s:
            self.pages[-1].append(("text", x, y, str(s), size, bold, align))

    def rect(self, x, y, w, h):
        self.pages[-1].append(("rect", x, y, w, h))

    def line(self, x1, y1, x2, y2):
        self.pages[-1].append(("line", x1, y1, x2, y2))

    def new_page(self):
        self.pages.append([])


def lines_block(c, x, y, lines, size=9, first_bold=True, leading=4.3):
    for i, s in enumerate(lines):
        c.text(x, y + i * leading, s, size, bold=first_bold and i == 0)
    return y + len(lines) * leading


def colon(inv, label):
    if inv.no_colons:
        return label
    return label + (" :" if inv.lang == "fr" else ":")   # French typography spaces the colon


def meta_pairs(inv):
    """(label, value) pairs of the invoice meta block, in a realistic order."""
    pairs = [(inv.label("number"), inv.number)]
    if not inv.place_date:
        pairs.append((inv.label("date"), inv.d(inv.date)))
    if inv.delivery:
        pairs.append((inv.label("delivery"), inv.d(inv.delivery)))
    if inv.terms_with_date:
        label, text = TERMS_WITH_DATE[inv.lang]
        pairs.append((label.upper() if inv.caps else label, text.format(n=(inv.due - inv.date).days, d=inv.d(inv.due))))
    elif inv.show_due:
        pairs.append((inv.label("due"), inv.d(inv.due)))
    if inv.country == "US":
        pairs += inv.rng.sample(US_EXTRAS, inv.rng.randint(0, 2))
    if inv.custno:
        pairs.append((inv.label("custno"), inv.custno))
    if inv.po:
        pairs.append((inv.label("po"), inv.po))
    if inv.placement == "none":
        pairs.append((inv.label("curlabel"), inv.currency))
    return pairs


def totals_lines(inv):
    lines = []
    if inv.discount_rate:
        gross, word = DISCOUNT[inv.lang]
        lines.append((gross.upper() if inv.caps else gross, fmt_money(inv.items_total, inv)))
        lines.append((f"{word.upper() if inv.caps else word} {inv.discount_rate}%", fmt_money(inv.subtotal - inv.items_total, inv)))
    if not inv.vat_included_only:
        lines.append((inv.label("subtotal"), fmt_money(inv.subtotal, inv)))
    if inv.vat_included_only:
        return [(inv.label("total"), fmt_money(inv.total, inv)),
                (inv.label("taxtotal") + " " + fmt_rate(inv.locale.vat_rates[0], inv), fmt_money(inv.tax, inv))]
    for rate, (net, tax) in inv.tax_by_rate.items():
        label = inv.label("tax", rate=fmt_rate(rate, inv))
        if len(inv.tax_by_rate) > 1:
            label += f" ({fmt_number(net, inv.number_style)})"
        lines.append((label, fmt_money(tax, inv)))
    if len(inv.tax_by_rate) > 1:
        lines.append((inv.label("taxtotal"), fmt_money(inv.tax, inv)))
    if inv.total_label_currency:   # `Total (EUR)  1,234.56`
        lines.append((f"{inv.label('total')} ({inv.currency})", fmt_number(inv.total, inv.number_style)))
    else:
        lines.append((inv.label("total"), fmt_money(inv.total, inv)))
    if inv.deposit:
        lines.append((inv.label("deposit"), fmt_money(-inv.deposit, inv)))
        lines.append((inv.label("amountdue"), fmt_money(inv.total - inv.deposit, inv)))
    elif inv.rng.random() < 0.3:
        lines.append((inv.label("amountdue"), fmt_money(inv.total, inv)))
    return lines


def items_table(c, inv, y, wide, running_header):
    """Line items; overflows onto a new page with a running header. Returns the y after it."""
    names = LEX[inv.lang]["items"]
    x0, x1 = 18, c.width - 18
    if wide:
        cols = [(x0, names[4], "l"), (x0 + 17, names[0], "l"), (x1 - 78, names[1], "r"), (x1 - 56, names[2], "r"),
                (x1 - 30, names[5], "r"), (x1, names[3], "r")]
    else:
        cols = [(x0, names[0], "l"), (x1 - 70, names[1], "r"), (x1 - 35, names[2], "r"), (x1, names[3], "r")]
    if inv.total_column:
        cols[-1] = (x1, "Line total" if wide else "Total", "r")
    if inv.placement == "none" and inv.rng.random() < 0.5:
        cols[-1] = (x1, f"{cols[-1][1]} ({inv.currency})", "r")

    def header(y):
        c.line(x0, y - 4, x1, y - 4)
        for x, name, align in cols:
            c.text(x, y, name, 8.5, bold=True, align=align)
        c.line(x0, y + 1.8, x1, y + 1.8)
        return y + 6

    y = header(y)
    for i, (name, qty, price, amount, rate) in enumerate(inv.lines):
        if y > c.height - 40:
            c.new_page()
            running_header(c, 2)
            y = header(45)
        # The VAT column holds the rate, or (UK style) the line's VAT amount.
        vat = fmt_number(amount * Decimal(str(rate)) / 100, inv.number_style) if inv.vat_amount_column else fmt_rate(rate, inv)
        values = [str(i + 1), f"{name}", str(qty), fmt_number(price, inv.number_style),
                  vat, fmt_number(amount, inv.number_style)] if wide else \
            [name, str(qty), fmt_number(price, inv.number_style), fmt_number(amount, inv.number_style)]
        for (x, _, align), v in zip(cols, values):
            c.text(x, y, v, 8.5, align=align)
        y += 4.6
    c.line(x0, y - 2.5, x1, y - 2.5)
    if inv.table_total:   # a closing row in the table itself: the net before VAT
        c.text(cols[1][0] if wide else x0, y + 1, TABLE_TOTAL[inv.lang], 8.5, bold=True)
        c.text(x1, y + 1, fmt_number(inv.items_total, inv.number_style), 8.5, bold=True, align="r")
        y += 6
    if y + 70 > c.height - 35:   # totals and notes go to the next page rather than into the footer
        c.new_page()
        running_header(c, len(c.pages))
        return 45
    return y + 4


def totals_block(c, inv, y, style):
    lines = totals_lines(inv)
    x_label, x_value = c.width - 95, c.width - 18
    if style == "box":
        c.rect(x_label - 3, y - 5, x_value - x_label + 6, len(lines) * 5.5 + 3)
    for i, (label, value) in enumerate(lines):
        bold = label in (inv.label("total"), inv.label("amountdue"))
        yy = y + i * 5.5
        if style == "leaders":
            lw = text_width(label, 9, bold) + 1.5
            vw = text_width(value, 9, bold) + 1.5
            gap = (x_value - vw) - (x_label + lw)
            if gap > 3:
                c.text(x_label + lw, yy, "." * int(gap / text_width(".", 9)), 9)
            c.text(x_label, yy, label, 9, bold)
        else:
            c.text(x_label, yy, colon(inv, label) if style == "colon" else label, 9, bold)
        if inv.currency_column and value.startswith(inv.currency + " "):
            c.text(x_value - 32, yy, inv.currency, 9, bold)
            value = value[len(inv.currency) + 1:]
        c.text(x_value, yy, value, 9, bold, align="r")
    return y + len(lines) * 5.5 + 4


def bank_lines(inv):
    out = []
    if inv.iban:
        out.append(("IBAN", spaced(inv.iban) if inv.rng.random() < 0.7 else inv.iban))
    if inv.bic:
        out.append((inv.rng.choice(["BIC", "SWIFT", "SWIFT/BIC", "BIC code"]), inv.bic))
    if inv.country == "US":
        out += [("Routing no.", digits(inv.rng, 9)), ("Account no.", digits(inv.rng, 10))]
    if inv.country == "GB" and inv.rng.random() < 0.5:
        out += [("Sort code", f"{digits(inv.rng, 2)}-{digits(inv.rng, 2)}-{digits(inv.rng, 2)}"), ("Account no.", digits(inv.rng, 8))]
    if inv.bankgiro:
        out.append((inv.rng.choice(["Bankgiro", "BG"]), inv.bankgiro))
    if inv.payref:
        ref = inv.payref
        if ref.startswith("RF") or inv.country == "CH":
            ref = spaced(ref, 4) if ref.startswith("RF") else f"{ref[:2]} " + spaced(ref[2:], 5)
        out.append((inv.label("payref"), ref))
    return out


def id_lines(inv):
    out = []
    if inv.show_vat:
        out.append((inv.label("vat"), inv.vat_printed))
    if inv.rng.random() < 0.6:
        out.append((inv.label("reg"), rng_regno(inv)))
    return out


def rng_regno(inv):
    r = inv.rng
    return {"DE": f"HRB {digits(r, 5)}", "FR": f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)} {digits(r, 5)}",
            "SE": f"{digits(r, 6)}-{digits(r, 4)}", "NL": digits(r, 8), "DK": digits(r, 4),
            "PL": digits(r, 10), "IT": digits(r, 11)}.get(inv.country, digits(r, 8))


def footer(c, inv, columns):
    """Bank data and company ids at the page foot, in two or three columns."""
    y0 = c.height - 30
    c.line(18, y0 - 5, c.width - 18, y0 - 5)
    groups = [[inv.vendor] + inv.vendor_address[:2], bank_lines(inv), id_lines(inv)]
    if columns == 2:
        groups = [groups[0] + groups[2], groups[1]]
    xs = [18, 18 + (c.width - 36) / columns, 18 + 2 * (c.width - 36) / columns]
    for x, group in zip(xs, groups):
        for i, item in enumerate(group):
            s = item if isinstance(item, str) else f"{colon(inv, item[0])} {item[1]}"
            if inv.vat_unlabelled and not isinstance(item, str) and item[0] == inv.label("vat"):
                s = item[1]   # the VAT id printed bare under the address
            c.text(x, y0 + i * 3.6, s, 7)


def party(c, inv, x, y, heading, name, addr, vat=None):
    if heading:
        c.text(x, y, heading, 8, bold=True)
        y += 4.5
    attention = ATTENTION.get(inv.lang) if name == inv.customer and inv.attention_line else None
    lines = [name] + ([attention] if attention else []) + addr
    y = lines_block(c, x, y, lines, 9)
    if vat:
        # Many invoices print the buyer's VAT id under the very label the seller's has.
        label = inv.label("vat") if inv.buyer_vat_same_label and inv.country != "US" else inv.label("custvat")
        c.text(x, y, f"{colon(inv, label)} {vat}", 8)
        y += 4.3
    return y


def notes(c, inv, y):
    other_date = inv.d(inv.date - timedelta(days=inv.rng.randint(20, 60)))
    text = LEX[inv.lang]["notes"].format(q=digits(inv.rng, 4), d=other_date, a=fmt_money(Decimal(inv.rng.choice([25, 40, 60])), inv))
    words, line, y0 = text.split(), "", y
    for w in words:
        if text_width(line + " " + w, 8) > c.width - 40:
            c.text(18, y, line.strip(), 8); y += 3.8; line = ""
        line += " " + w
    c.text(18, y, line.strip(), 8)
    if not inv.show_due:
        y += 4.5
        c.text(18, y, LEX[inv.lang]["terms"], 8)
    if inv.reverse_charge:
        c.text(18, y + 4.5, LEX[inv.lang]["rc"], 8, bold=True)
    return y0


def running_header_for(inv, pages):
    def draw(c, page):
        c.text(18, 14, inv.vendor, 8)
        c.text(c.width - 18, 14, LEX[inv.lang]["page"].format(p=page, n=pages), 8, align="r")
        if page > 1:
            c.text(18, 19, f"{inv.label('number')} {inv.number}", 8)
    return draw


def amount_due_box(c, inv, x, y):
    """`Amount due / 1,234.56 / Due date` box at the top, as many US and UK invoices print."""
    due = inv.total - (inv.deposit or 0)
    c.rect(x, y, 60, 17 if inv.show_due else 12)
    c.text(x + 3, y + 4.5, inv.label("amountdue"), 8, bold=True)
    c.text(x + 57, y + 10, fmt_money(due, inv), 12, bold=True, align="r")
    if inv.show_due:
        c.text(x + 3, y + 15, f"{colon(inv, inv.label('due'))} {inv.d(inv.due)}", 8)


def remittance_stub(c, inv):
    """The tear-off slip: invoice number, customer number and amount again."""
    y = c.height - 62
    c.text(18, y - 5, "- " * 60, 6)
    c.text(18, y, {"en": "Please return this part with your payment", "de": "Bitte mit der Zahlung zurücksenden"}
           .get(inv.lang, LEX[inv.lang]["bank"]), 7, bold=True)
    pairs = [(inv.label("number"), inv.number)] + ([(inv.label("custno"), inv.custno)] if inv.custno else []) + \
        [(inv.label("amountdue"), fmt_money(inv.total - (inv.deposit or 0), inv))]
    for i, (k, v) in enumerate(pairs):
        c.text(18 + i * 60, y + 5, k, 7)
        c.text(18 + i * 60, y + 9, v, 9, bold=True)


def letterhead_name(c, inv, x, y, size):
    """The seller's name, or a logo drawn as shapes (an image on real invoices: no text)."""
    if inv.logo_only:
        c.rect(x, y - 7, 32, 9)
        c.line(x + 3, y - 4, x + 29, y - 4)
        c.line(x + 3, y - 1, x + 20, y - 1)
    else:
        c.text(x, y, inv.vendor, size, bold=True)


def layout_rightbox(c, inv):
    """Sender line above the address window, meta in a bordered right-hand box, boxed totals."""
    head = running_header_for(inv, inv.layout_pages)
    if inv.layout_pages > 1:
        head(c, 1)
    letterhead_name(c, inv, 18, 24, 15)
    lines_block(c, 18, 30, inv.vendor_address[:2], 8, first_bold=False, leading=3.6)
    wx, bx = (c.width - 95, 18) if inv.window_right else (18, c.width - 88)   # address window, meta box
    c.text(wx, 48, inv.sender_separator.join([inv.vendor] + inv.vendor_address[:2]), 6.5)
    c.line(wx, 49.5, wx + 82, 49.5)
    party(c, inv, wx, 55, None, inv.customer, inv.customer_address, inv.customer_vat)
    pairs = meta_pairs(inv)
    if inv.place_date:
        c.text(c.width - 18, 35, place_and_date(inv), 9, align="r")
    c.rect(bx, 40, 70, len(pairs) * 5 + 12)
    if inv.right_aligned_labels and not inv.window_right:
        bx -= 12
    c.text(bx + 3, 45.5, inv.label("title"), 11, bold=True)
    for i, (label, value) in enumerate(pairs):
        if inv.right_aligned_labels:   # `Invoice #:` flush right against a left-aligned value
            c.text(bx + 34, 51 + i * 5, colon(inv, label), 8.5, bold=True, align="r")
            c.text(bx + 36, 51 + i * 5, value, 8.5)
        else:
            c.text(bx + 3, 51 + i * 5, label, 8.5)
            c.text(bx + 67, 51 + i * 5, value, 8.5, align="r")
    y = max(90, 52 + len(pairs) * 5 + 12)
    y = items_table(c, inv, y, inv.rng.random() < 0.5, head)
    y = totals_block(c, inv, y + 4, "box")
    notes(c, inv, y + 4)
    if inv.remittance_stub and inv.layout_pages == 1 and y < c.height - 100:
        remittance_stub(c, inv)
    footer(c, inv, 2)


def layout_headerrow(c, inv):
    """Labels in a table header row, values in the row below; vendor block top right."""
    head = running_header_for(inv, inv.layout_pages)
    if inv.layout_pages > 1:
        head(c, 1)
    c.text(18, 30, inv.label("title"), 20, bold=True)
    x = c.width - 18
    c.text(x, 24, inv.vendor, 11, bold=True, align="r")
    for i, s in enumerate(inv.vendor_address + ([f"{colon(inv, inv.label('vat'))} {inv.vat_printed}"] if inv.show_vat else [])):
        c.text(x, 29 + i * 3.8, s, 8, align="r")
    party(c, inv, 18, 52, inv.label("billto"), inv.customer, inv.customer_address, inv.customer_vat)
    if inv.rng.random() < 0.5:
        party(c, inv, 100, 52, inv.label("shipto"), inv.customer, address(inv.rng, inv.customer_country))
    pairs = meta_pairs(inv)
    y, x0 = 84, 18
    for row in range(0, len(pairs), 4):   # at most four columns per header row
        chunk = pairs[row:row + 4]
        w = (c.width - 36) / len(chunk)
        top = 8 if inv.wrapped_header_labels else 4.5   # room for a second label line
        c.rect(x0, y - top, c.width - 36, 6.5 + top)
        c.line(x0, y + 1.2, c.width - 18, y + 1.2)
        for i, (label, value) in enumerate(chunk):
            words = label.split()
            if inv.wrapped_header_labels and len(words) >= 2:   # `Invoice` over `Date` in a narrow column
                c.text(x0 + 2 + i * w, y - 3.2, " ".join(words[:len(words) // 2]), 7.5, bold=True)
                label = " ".join(words[len(words) // 2:])
            c.text(x0 + 2 + i * w, y, label, 7.5, bold=True)
            c.text(x0 + 2 + i * w, y + 4.8, value, 8.5)
        y += 14
    y = items_table(c, inv, y + 2, inv.rng.random() < 0.3, head)
    y = totals_block(c, inv, y + 2, "plain")
    notes(c, inv, y + 4)
    c.text(18, c.height - 22, "  ·  ".join(f"{k}: {v}" for k, v in bank_lines(inv)), 7)
    c.text(18, c.height - 18, "  ·  ".join([inv.vendor] + [f"{k}: {v}" for k, v in id_lines(inv) if k != inv.label("vat")]), 7)


def layout_leaders(c, inv):
    """Centered letterhead, seller and buyer side by side, meta and totals with dot leaders."""
    head = running_header_for(inv, inv.layout_pages)
    if inv.layout_pages > 1:
        head(c, 1)
    c.text(c.width / 2, 24, inv.vendor, 14, bold=True, align="c")
    c.text(c.width / 2, 29, " · ".join(inv.vendor_address), 8, align="c")
    c.text(18, 42, f"{inv.label('title')}", 16, bold=True)
    if inv.place_date:
        c.text(c.width - 18, 42, place_and_date(inv), 9, align="r")
    pairs = meta_pairs(inv)
    for i, (label, value) in enumerate(pairs):
        yy = 50 + i * 4.8
        c.text(18, yy, label, 9)
        gap = 68 - text_width(label, 9) - 2
        c.text(18 + text_width(label, 9) + 1, yy, "." * max(3, int(gap / text_width(".", 9))), 9)
        c.text(88, yy, value, 9)
    y = 50 + len(pairs) * 4.8 + 6
    ya = party(c, inv, 18, y, inv.label("seller"), inv.vendor, inv.vendor_address[:2])
    if inv.show_vat:
        c.text(18, ya, f"{colon(inv, inv.label('vat'))} {inv.vat_printed}", 8)
    yb = party(c, inv, 110, y, inv.label("billto"), inv.customer, inv.customer_address, inv.customer_vat)
    y = items_table(c, inv, max(ya, yb) + 10, inv.rng.random() < 0.5, head)
    y = totals_block(c, inv, y + 2, "leaders")
    c.text(18, y + 2, LEX[inv.lang]["bank"], 9, bold=True)
    for i, (k, v) in enumerate(bank_lines(inv)):
        c.text(18, y + 7 + i * 4.3, colon(inv, k), 8.5)
        c.text(60, y + 7 + i * 4.3, v, 8.5)
    c.text(18, c.height - 18, "  |  ".join([LEX[inv.lang]["terms"]] + [f"{k} {v}" for k, v in id_lines(inv)
                                                                         if k != inv.label("vat")]), 7)


def layout_banner(c, inv):
    """`Page 1 of 2` header, number in the title, from/to columns, 3-column footer with labels above values."""
    pages = inv.layout_pages
    c.text(c.width - 18, 12, LEX[inv.lang]["page"].format(p=1, n=pages), 8, align="r")
    head = running_header_for(inv, pages)
    title = f"{inv.label('title')} #{inv.number}" if inv.rng.random() < 0.5 else f"{inv.label('title')} {inv.number}"
    if inv.title_date:   # long: the right-hand column moves below it
        c.text(18, 26, f"{title} {TITLE_DATE[inv.lang]} {inv.d(inv.date)}", 12, bold=True)
        top = 10
    else:
        c.text(18, 26, title, 17, bold=True)
        c.text(c.width - 18, 22, f"{colon(inv, inv.label('date'))} {inv.d(inv.date)}", 9, align="r")
        top = 0
    if inv.show_due:
        c.text(c.width - 18, 27 + top, f"{colon(inv, inv.label('due'))} {inv.d(inv.due)}", 9, align="r")
    extra = [(inv.label(k), v) for k, v in (("custno", inv.custno), ("po", inv.po)) if v]
    if inv.delivery:
        extra.append((inv.label("delivery"), inv.d(inv.delivery)))
    for i, (k, v) in enumerate(extra):
        c.text(c.width - 18, 32 + top + i * 5, f"{colon(inv, k)} {v}", 9, align="r")
    y = 52 + top
    if inv.amount_due_box and not extra:
        amount_due_box(c, inv, c.width - 78, 33 + top)
        y = 56 + top
    party(c, inv, 18, y, inv.label("seller"), inv.vendor, inv.vendor_address)
    yb = party(c, inv, 110, y, inv.label("billto"), inv.customer, inv.customer_address, inv.customer_vat)
    if inv.placement == "none":
        c.text(18, yb + 6, LEX[inv.lang]["currency"].format(cur=inv.currency), 8)
    y = items_table(c, inv, yb + 14, True, head)
    y = totals_block(c, inv, y + 2, "colon")
    notes(c, inv, y + 4)
    y0 = c.height - 32
    c.line(18, y0 - 5, c.width - 18, y0 - 5)
    cols = [[(inv.vendor, "")] + [(s, "") for s in inv.vendor_address[:2]], bank_lines(inv), id_lines(inv)]
    for j, group in enumerate(cols):
        x = 18 + j * (c.width - 36) / 3
        yy = y0
        for k, v in group:
            c.text(x, yy, k, 6.5, bold=bool(v))
            if v:
                c.text(x, yy + 3, v, 7.5); yy += 3
            yy += 3.6


def layout_inline(c, inv):
    """Meta as `Label: value | Label: value` lines, totals as a label row over a value row."""
    head = running_header_for(inv, inv.layout_pages)
    if inv.layout_pages > 1:
        head(c, 1)
    letterhead_name(c, inv, 18, 26, 13)
    c.text(18, 31, ", ".join(inv.vendor_address[:2]), 8)
    if inv.show_vat:
        c.text(18, 35, f"{colon(inv, inv.label('vat'))} {inv.vat_printed}", 8)
    c.text(c.width - 18, 28, inv.label("title"), 22, bold=True, align="r")
    if inv.amount_due_box:
        amount_due_box(c, inv, c.width - 78, 48)
    party(c, inv, 18, 48, inv.label("billto"), inv.customer, inv.customer_address, inv.customer_vat)
    pairs = meta_pairs(inv)
    half = (len(pairs) + 1) // 2
    for row, chunk in enumerate([pairs[:half], pairs[half:]]):
        c.text(18, 78 + row * 5, "   |   ".join(f"{k}: {v}" for k, v in chunk), 8.5)
    y = items_table(c, inv, 94, inv.rng.random() < 0.4, head)
    lines = totals_lines(inv)
    if len(lines) <= 5 and inv.rng.random() < 0.6:
        w = (c.width - 36) / len(lines)
        c.rect(18, y - 4, c.width - 36, 11)
        for i, (label, value) in enumerate(lines):
            c.text(18 + (i + 1) * w - 2, y, label, 7.5, bold=True, align="r")
            c.text(18 + (i + 1) * w - 2, y + 5, value, 9, align="r")
        y += 14
    else:
        y = totals_block(c, inv, y + 2, "colon")
    notes(c, inv, y + 4)
    if inv.remittance_stub and inv.layout_pages == 1 and y < c.height - 100:
        remittance_stub(c, inv)
    footer(c, inv, 3)


LAYOUTS = {"rightbox": layout_rightbox, "headerrow": layout_headerrow, "leaders": layout_leaders,
           "banner": layout_banner, "inline": layout_inline}

# ---------------------------------------------------------------------------------------------
# Producers
# ---------------------------------------------------------------------------------------------

def needs_unicode_font(pages):
    try:
        "".join(op[3] for page in pages for op in page if op[0] == "text").encode("cp1252")
        return False
    except UnicodeEncodeError:
        return True


def render_reportlab(c, path):
    from reportlab.pdfgen import canvas
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    regular, bold = "Helvetica", "Helvetica-Bold"
    if needs_unicode_font(c.pages):   # standard-14 fonts are WinAnsi only (Polish needs more)
        pdfmetrics.registerFont(TTFont("DejaVu", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
        regular, bold = "DejaVu", "DejaVu-Bold"
    pdf = canvas.Canvas(path, pagesize=(c.width * mm, c.height * mm), invariant=1)
    for page in c.pages:
        for op in page:
            if op[0] == "text":
                _, x, y, s, size, b, align = op
                pdf.setFont(bold if b else regular, size)
                draw = {"l": pdf.drawString, "r": pdf.drawRightString, "c": pdf.drawCentredString}[align]
                draw(x * mm, (c.height - y) * mm, s)
            elif op[0] == "rect":
                _, x, y, w, h = op
                pdf.rect(x * mm, (c.height - y - h) * mm, w * mm, h * mm)
            else:
                _, x1, y1, x2, y2 = op
                pdf.line(x1 * mm, (c.height - y1) * mm, x2 * mm, (c.height - y2) * mm)
        pdf.showPage()
    pdf.save()


def render_fpdf2(c, path):
    from fpdf import FPDF
    pdf = FPDF(unit="mm", format=(c.width, c.height))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(__import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
    pdf.set_line_width(0.2)
    for page in c.pages:
        pdf.add_page()
        for op in page:
            if op[0] == "text":
                _, x, y, s, size, b, align = op
                pdf.set_font("DejaVu", "B" if b else "", size)
                w = pdf.get_string_width(s)
                pdf.text(x - (w if align == "r" else w / 2 if align == "c" else 0), y, s)
            elif op[0] == "rect":
                pdf.rect(*op[1:])
            else:
                pdf.line(*op[1:])
    pdf.output(path)


def render_weasyprint(c, path):
    """Absolutely positioned HTML boxes: WeasyPrint's own font subsetting and text encoding."""
    import html
    from weasyprint import HTML
    parts = [f"<style>@page {{ size: {c.width}mm {c.height}mm; margin: 0 }} body {{ margin: 0; font-family: 'DejaVu Sans' }}"
             f" .p {{ position: relative; width: {c.width}mm; height: {c.height}mm; page-break-after: always; overflow: hidden }}"
             " .t { position: absolute; white-space: pre; line-height: 1 }"
             " .b { position: absolute; border: 0.2mm solid #000 }</style>"]
    for page in c.pages:
        parts.append('<div class="p">')
        for op in page:
            if op[0] == "text":
                _, x, y, s, size, b, align = op
                top = f"top: calc({y}mm - {size * 0.93}pt)"
                weight = "font-weight: bold;" if b else ""
                pos = {"l": f"left: {x}mm", "r": f"right: {c.width - x}mm",
                       "c": f"left: {x - 60}mm; width: 120mm; text-align: center"}[align]
                parts.append(f'<div class="t" style="{pos}; {top}; font-size: {size}pt; {weight}">{html.escape(s)}</div>')
            elif op[0] == "rect":
                _, x, y, w, h = op
                parts.append(f'<div class="b" style="left: {x}mm; top: {y}mm; width: {w}mm; height: {h}mm"></div>')
            else:
                _, x1, y1, x2, y2 = op
                parts.append(f'<div class="b" style="left: {x1}mm; top: {y1}mm; width: {x2 - x1}mm; height: 0;'
                             ' border-width: 0.2mm 0 0 0"></div>')
        parts.append("</div>")
    HTML(string="".join(parts)).write_pdf(path)


PRODUCERS = {"reportlab": render_reportlab, "fpdf2": render_fpdf2, "weasyprint": render_weasyprint}

# ---------------------------------------------------------------------------------------------
# Sets
# ---------------------------------------------------------------------------------------------

# Different template and locale mixes per set, so a fix tuned on one shows on the other.
MIXES = {
    "tune": dict(layouts={"rightbox": 3, "headerrow": 3, "leaders": 2, "banner": 2, "inline": 1}, two_pages=0.12),
    "check": dict(layouts={"rightbox": 1, "headerrow": 2, "leaders": 2, "banner": 3, "inline": 3}, two_pages=0.15),
    "unseen": dict(layouts={"rightbox": 2, "headerrow": 2, "leaders": 2, "banner": 2, "inline": 2}, two_pages=0.1),
}


def weighted(rng, table):
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def generate(set_name, count, out):
    rng = random.Random(SEEDS[set_name])
    mix = MIXES[set_name]
    os.makedirs(out, exist_ok=True)
    producers = list(PRODUCERS)
    for i in range(count):
        locale = LOCALES[(i * 7 + SEEDS[set_name]) % len(LOCALES)]
        layout = weighted(rng, mix["layouts"])
        producer = producers[i % len(producers)]
        pages = 2 if rng.random() < mix["two_pages"] else 1
        inv = Invoice(random.Random(rng.getrandbits(64)), locale, layout, producer, pages, unseen=set_name == "unseen",
                      unknown=set_name == "tune")
        inv.no_colons = inv.rng.random() < 0.4
        c = Canvas(locale.paper)
        LAYOUTS[layout](c, inv)
        name = f"{set_name}{i:03d}_{locale.code}_{layout}_{producer}"
        PRODUCERS[producer](c, os.path.join(out, name + ".pdf"))
        meta = {"fields": inv.truth(), "producer": producer, "language": inv.lang, "locale": locale.code,
                "template": layout, "hard_cases": inv.hard, "pages": len(c.pages), "date_format": inv.date_style,
                "number_format": inv.number_style, "currency_placement": inv.placement, "caps_labels": inv.caps}
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=1)
    print(f"generated {count} invoices in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", choices=sorted(SEEDS))
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--out")
    args = parser.parse_args()
    ensure_environment()
    generate(args.set, args.count, args.out or os.path.join(ROOT, ".data", "heldout", args.set, "invoices"))


if __name__ == "__main__":
    main()
