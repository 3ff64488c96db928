extension LabelLexicon {
    static let dateLabels: [LabelKind: LabelPhrases] = [
        .invoiceDate: LabelPhrases(specific: [
            // en
            "Invoice date", "Date of invoice", "Invoice dated", "Date of issue", "Issue date", "Issued on", "Issued",
            "Date issued", "Billing date", "Bill date", "Tax point", "Tax point date", "Document date",
            // de
            "Rechnungsdatum", "Rechnungs-Datum", "Ausstellungsdatum", "Ausgestellt am", "Erstellt am", "Fait le", "Utfärdad",
            "Fakturan utfärdad", "Emessa il", "Emitida el", "Data di emissione fattura", "Belegdatum", "Datum der Rechnung", "Rechnungsdat.",
            // fr
            "Date de facture", "Date de facturation", "Date d'émission", "Date de la facture", "Facture du", "Émise le",
            // nl
            "Factuurdatum", "Datum factuur", "Factuur datum", "Datum van uitgifte",
            // sv
            "Fakturadatum", "Fakturadag", "Utfärdandedatum",
            // es
            "Fecha de factura", "Fecha factura", "Fecha de emisión", "Fecha de expedición", "Fecha emisión", "Fecha expedición",
            "Invoice issue date", "Issue date of invoice",
            // it
            "Data fattura", "Data della fattura", "Data di emissione", "Data documento", "Data emissione",
            // da, nb
            "Fakturadato", "Udstedelsesdato", "Utstedelsesdato", "Fakturadag",
            // pt
            "Data da fatura", "Data de emissão", "Data do documento", "Data fatura",
            // pl
            "Data wystawienia", "Data faktury", "Data wystawienia faktury",
        ], generic: ["Date", "Dated", "Datum", "Fecha", "Data", "Le"]),
        .dueDate: LabelPhrases(specific: [
            // en
            "Due date", "Date due", "Payment due", "Payment due date", "Due by", "Due on", "Pay by", "Payable by",
            "Payment date", "Please pay by", "Payable until", "Due", "Pay before", "Payment deadline", "Payable before",
            "Zahlungsfrist", "Zahlbar spätestens", "Spätestens am", "Date limite", "Pagar antes del", "Pagare entro",
            "Uiterlijk betalen op", "Betalningsdag",
            // de
            "Fälligkeitsdatum", "Fällig am", "Fällig bis", "Fälligkeit", "Zahlbar bis", "Zahlungsziel", "Zahlungstermin",
            "Zahlbar am", "Fällig", "Bitte zahlen bis", "Zu zahlen bis",
            // fr
            "Date d'échéance", "Échéance", "Date limite de paiement", "À payer avant le", "Payable avant le",
            "Date de paiement", "Date d'exigibilité", "Exigible le", "Exigibilité", "À régler avant le", "Paiement avant le", "Date limite de règlement", "Payable au", "Payable le",
            "À régler le", "Payable on", "Pagadero el", "Da pagare il", "Te betalen op", "Betalas den",
            // nl
            "Vervaldatum", "Vervaldag", "Te betalen vóór", "Te betalen voor", "Uiterste betaaldatum", "Betalen vóór",
            "Betaaldatum", "Uiterlijk te betalen op",
            // sv
            "Förfallodatum", "Förfallodag", "Förfaller", "Att betala senast", "Betalas senast", "Sista betalningsdag",
            "Förfaller till betalning",
            // es
            "Fecha de vencimiento", "Vencimiento", "Fecha límite de pago", "Pagar antes de", "Fecha de pago", "Vence",
            "Vto.", "Fecha vto.", "Fecha de vto.", "Due for payment", "Fällig zum", "Data scad.", "Scad.", "Data scad. pagamento",
            // it
            "Data di scadenza", "Scadenza", "Data scadenza", "Da pagare entro", "Scadenza pagamento", "Pagamento entro",
            // da
            "Forfaldsdato", "Forfaldsdag", "Forfald", "Betalingsfrist", "Sidste betalingsdag", "Betales senest",
            "Sidste rettidige betalingsdag", "Betalingsdato",
            // nb
            "Forfallsdato", "Forfallsdag", "Forfall", "Betales innen", "Betalingsdato",
            // pt
            "Data de vencimento", "Vencimento", "Data limite de pagamento", "Pagamento até", "Data limite",
            // pl
            "Termin płatności", "Data płatności", "Termin zapłaty", "Zapłata do", "Płatne do",
        ]),
        .deliveryDate: LabelPhrases(specific: [
            "Delivery date", "Date of delivery", "Delivered on", "Service date", "Date of service", "Ship date",
            "Shipping date", "Dispatch date", "Performance date", "Supply date", "Date of supply",
            "Lieferdatum", "Liefertermin", "Leistungsdatum", "Leistungszeitraum", "Lieferzeitraum", "Versanddatum",
            "Date de livraison", "Date de prestation", "Date d'expédition", "Livré le",
            "Leverdatum", "Leveringsdatum", "Afleverdatum", "Leveringsdag",
            "Leveransdatum", "Leveransdag",
            "Fecha de entrega", "Fecha de servicio", "Fecha de envío", "Fecha de prestación", "Fecha de operación",
            "Data di consegna", "Data consegna", "Data spedizione", "Data prestazione", "Data DDT",
            "Leveringsdato", "Leveringsdag", "Leveransedato",
            "Data de entrega", "Data de fornecimento", "Data da prestação", "Data de envio",
            "Data sprzedaży", "Data dostawy", "Data wykonania usługi", "Data dostawy/wykonania usługi",
        ]),
        .orderDate: LabelPhrases(specific: [
            "Order date", "Date of order", "PO date", "Ordered on",
            "Bestelldatum", "Auftragsdatum", "Bestellt am",
            "Date de commande", "Date commande",
            "Besteldatum", "Orderdatum",
            "Beställningsdatum", "Orderdatum",
            "Fecha de pedido", "Fecha pedido",
            "Data ordine", "Data dell'ordine",
            "Ordredato", "Bestillingsdato", "Data da encomenda", "Data zamówienia",
        ]),
        .otherDate: LabelPhrases(specific: [
            "Period", "Billing period", "Zeitraum", "Période", "Periode", "Periodo", "Printed", "Gedruckt am", "Tax date",
            "Steuerdatum",
        ]),
    ]
}
