extension LabelLexicon {
    static let identifierLabels: [LabelKind: LabelPhrases] = [
        .invoiceNumber: LabelPhrases(specific: [
            // en
            "Invoice number", "Invoice no.", "Invoice No", "Invoice #", "Invoice nr.", "Invoice num.", "Inv. no.", "Inv #",
            "Invoice ID", "Invoice ref.", "Invoice reference", "Tax invoice no.", "Tax invoice number", "Bill no.", "Bill number",
            "Document number", "Document no.", "Credit note number", "Credit note no.", "Doc. no.", "Invoice ref",
            "Rechnungs-ID", "Dokumentnummer", "N° de document", "Numéro de document", "Documentnummer",
            "Número de documento", "Documento n.", "Fakturans nummer",
            // de
            "Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.", "Rechnungsnr.", "Rechnung-Nr.", "Re.-Nr.", "RE-Nr.", "Rg.-Nr.",
            "Rechnung No.", "Belegnummer", "Beleg-Nr.", "Rechnung Nummer", "Gutschriftnummer", "Gutschrift Nr.",
            // fr
            "Numéro de facture", "N° de facture", "Facture n°", "Facture numéro", "N° facture", "Facture N", "No facture",
            "Numéro facture", "Réf. facture", "Référence facture", "Avoir n°",
            // nl
            "Factuurnummer", "Factuurnr.", "Factuur nr.", "Factuur nummer", "Factuur no.", "Factuurnr", "Creditnota nummer",
            // sv
            "Fakturanummer", "Fakturanr", "Fakturanr.", "Faktura nr", "Fakturanummer/OCR", "Kreditfakturanummer",
            // es
            "Número de factura", "Nº de factura", "Factura nº", "Factura número", "Nº factura", "Num. factura", "Factura n",
            "No. de factura", "Número factura",
            // it
            "Numero fattura", "N. fattura", "Fattura n.", "Fattura numero", "Numero documento", "Fattura nr.", "Nr. fattura",
            "Numero della fattura", "Fattura N°",
            // da, nb
            "Fakturanr.", "Fakturanummer", "Faktura nr.",
            // pt
            "Fatura n.º", "N.º Fatura", "Número da fatura", "Fatura nº", "N.º documento", "Fatura-recibo n.º",
            // pl
            "Faktura VAT nr", "Numer faktury", "Nr faktury", "Faktura nr",
        ], generic: ["Number", "No.", "Nr.", "Nummer", "Numéro", "Número", "Numero"]),
        .purchaseOrder: LabelPhrases(specific: [
            // en
            "Purchase order", "Purchase order number", "Purchase order no.", "PO", "PO number", "PO no.", "PO #", "P.O.",
            "P.O. number", "Order no.", "Order number", "Order #", "Your order", "Your order no.", "Your order number",
            "Your reference", "Your ref.", "Customer order", "Customer order no.", "Order ref.", "Order reference",
            "Buyer order", "Purchase order ref.", "Customer PO", "Client PO", "PO ref.", "Customer order ref.",
            // de
            "Bestellnummer", "Bestell-Nr.", "Bestellnr.", "Ihre Bestellung", "Ihre Bestellnummer", "Ihre Bestell-Nr.",
            "Auftragsnummer", "Auftrags-Nr.", "Auftrag Nr.", "Ihr Auftrag", "Ihre Referenz", "Ihr Zeichen", "Bestellung",
            "Bestellreferenz", "Auftragsnr.", "Bestellzeichen", "Ihr Bestellzeichen",
            // fr
            "N° de commande", "Numéro de commande", "Bon de commande", "Votre commande", "Votre référence", "Commande n°",
            "Réf. commande", "Référence commande", "Votre réf.", "N° commande", "Commande",
            // nl
            "Ordernummer", "Bestelnummer", "Uw referentie", "Uw bestelling", "Inkoopordernummer", "PO-nummer", "Uw ordernummer",
            "Uw kenmerk", "Order nr.", "Bestelnr.", "Inkooporder", "Uw ref.",
            // sv
            "Ordernummer", "Ordernr", "Er referens", "Ert ordernummer", "Ert ordernr", "Beställningsnummer", "Inköpsorder",
            "Er beställning", "Beställning", "Er ref.",
            // es
            "Nº de pedido", "Número de pedido", "Pedido", "Su pedido", "Orden de compra", "Su referencia", "Pedido nº",
            "Nº pedido", "Su ref.", "Referencia pedido",
            // it
            "Numero ordine", "N. ordine", "Ordine", "Vostro ordine", "Rif. ordine", "Ordine d'acquisto", "Ordine n.",
            "Vs. ordine", "Vostro riferimento", "Vs. rif.",
            // da, nb
            "Ordrenr.", "Ordrenummer", "Rekvisitionsnr.", "Rekvisition", "Bestillingsnr.", "Bestillingsnummer", "Deres ref.",
            "Jeres reference",
            // pt
            "Encomenda n.º", "N.º encomenda", "Nota de encomenda", "Encomenda", "Requisição", "V/ Ref.", "Vossa referência",
            // pl
            "Nr zamówienia", "Numer zamówienia", "Zamówienie nr", "Zamówienie",
        ]),
        .vendorTaxId: LabelPhrases(specific: [
            // en
            "VAT no.", "VAT number", "VAT reg. no.", "VAT registration number", "VAT registration no.", "VAT ID", "VAT-ID",
            "VAT Reg No", "Tax ID", "EIN", "Federal Tax ID", "Federal EIN", "Tax identification number", "VAT", "VAT nr",
            "TIN", "Tax ID no.", "VAT reg.", "Federal ID", "FEIN", "Fed. ID", "Employer ID", "VAT registration",
            // de
            "USt-IdNr.", "USt-ID", "USt.-ID", "USt-Id-Nr.", "Umsatzsteuer-ID", "Umsatzsteuer-Identifikationsnummer", "UID",
            "UID-Nr.", "USt-IdNr", "MwSt-Nr.", "MWST-Nr.", "UID-Nummer", "Ust-Ident-Nr.", "USt.-IdNr.",
            // fr
            "TVA intracom.", "TVA intracommunautaire", "N° TVA intracommunautaire", "N° TVA", "Numéro de TVA", "N° de TVA",
            "Numéro TVA", "Identifiant TVA", "N° TVA intracom.", "TVA intra.", "N° d'identification TVA",
            // nl
            "Btw-nummer", "Btw-nr.", "BTW nr", "Btw-id", "Btw-identificatienummer", "Omzetbelastingnummer", "Btw nummer",
            // sv
            "Momsreg.nr", "Momsregistreringsnummer", "Momsreg. nr", "Momsnr", "VAT-nr", "Momsregnr", "Reg.nr moms",
            // es
            "NIF", "CIF", "NIF-IVA", "N.I.F.", "C.I.F.", "Nº IVA", "Número de IVA", "NIF/CIF", "CIF/NIF", "NIF IVA",
            // it
            "Partita IVA", "P. IVA", "P.IVA", "PIVA", "Numero IVA", "P.I.",
            // da, nb (the Norwegian org.nr. with `MVA` is the VAT id)
            "CVR-nr.", "CVR", "Momsnr.", "SE-nr.", "CVR/SE-nr.", "MVA-nr.", "Org.nr. MVA", "Foretaksnr.", "Foretaksnummer",
            // pt
            "Contribuinte n.º", "NIPC", "N.º contribuinte", "NIF/NIPC", "N.º de contribuinte",
            // pl
            "NIP", "NIP UE", "NIP sprzedawcy",
        ]),
        .iban: LabelPhrases(specific: ["IBAN", "IBAN nr", "IBAN number", "IBAN-Nr.", "IBAN no.", "Rekeningnummer", "Kontonummer IBAN", "Codice IBAN"]),
        .bic: LabelPhrases(specific: ["BIC", "SWIFT", "BIC/SWIFT", "SWIFT/BIC", "SWIFT code", "BIC code", "SWIFT-BIC", "BIC-Code", "Swift-Code", "Codice BIC"]),
        .paymentReference: LabelPhrases(specific: [
            "Payment reference", "Remittance reference", "Creditor reference", "Please quote", "Reference for payment",
            "Payment ref.", "Remittance information",
            "Zahlungsreferenz", "Verwendungszweck", "Zahlungsreferenz-Nr.", "Überweisungsreferenz",
            "Référence de paiement", "Référence de virement", "Communication", "Communication structurée", "Réf. paiement",
            "Réf. virement", "Libellé du virement",
            "Betalingskenmerk", "Betalingsreferentie", "Kenmerk", "Mededeling", "Gestructureerde mededeling", "Betaalkenmerk",
            "OCR", "OCR-nummer", "OCR-referens", "OCR nr", "Referensnummer", "Betalningsreferens",
            "Referencia de pago", "Referencia pago", "Concepto",
            "Riferimento pagamento", "Causale", "Causale di pagamento",
            "KID", "KID-nr.", "KID-nummer", "Betalingsreference", "Betalings-id", "Referência de pagamento",
            "Tytuł przelewu", "Tytułem",
        ], generic: ["Referenz", "Référence", "Referentie", "Referens", "Referencia", "Riferimento"]),
        .bankgiro: LabelPhrases(specific: ["Bankgiro", "BG", "Bankgironummer", "Bankgiro nr", "BG nr"]),
        .plusgiro: LabelPhrases(specific: ["Plusgiro", "PG", "Postgiro", "Plusgironummer", "PlusGiro nr"]),
    ]
}

extension LabelLexicon {
    /// Document titles; a number printed right after one (`Invoice 2024-118`) hints at the
    /// invoice number.
    static let titleLabels: [LabelKind: LabelPhrases] = [
        .documentTitle: LabelPhrases(specific: [
            "Invoice", "Tax invoice", "Commercial invoice", "VAT invoice", "Credit note", "Pro forma invoice",
            "Rechnung", "Gutschrift", "Schlussrechnung", "Teilrechnung", "Facture", "Avoir", "Facture d'acompte",
            "Factuur", "Creditnota", "Faktura", "Kreditfaktura", "Factura", "Factura simplificada", "Abono",
            "Fattura", "Nota di credito", "Fattura elettronica", "Sales invoice", "Kreditnota",
            "Fatura", "Fatura-recibo", "Fatura simplificada", "Nota de crédito", "Faktura VAT", "Faktura korygująca",
        ]),
    ]
}
